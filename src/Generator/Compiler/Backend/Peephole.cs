using System.Collections.Generic;
using BpfSharp.Asm;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>Local clean-ups on selected code, each a function that says whether it changed anything.</summary>
internal static class Peephole
{
    public static void Run(List<MachineInst> code)
    {
        bool changed = true;
        while (changed)
        {
            changed = RemoveSelfMoves(code);
            changed |= RemoveJumpsToNext(code);
        }
    }

    /// <summary><c>r1 = r1</c> does nothing (the 32-bit form is kept: it clears the upper half).</summary>
    public static bool RemoveSelfMoves(List<MachineInst> code) =>
        code.RemoveAll(m => m.Kind == MachineKind.Code && m.Block < 0 && m.Second is null
            && m.Insn.OpCode == (byte)((byte)InstructionClass.Alu64 | (byte)SourceCode.X | (byte)AluOp.Mov)
            && m.Insn.Offset == 0 && m.Insn.Dst == m.Insn.Src) > 0;

    /// <summary>A jump whose target is the next instruction (only labels and lines between) does nothing.</summary>
    public static bool RemoveJumpsToNext(List<MachineInst> code)
    {
        bool changed = false;
        for (int i = 0; i < code.Count; i++)
        {
            var m = code[i];
            if (m.Kind != MachineKind.Code || m.Block < 0 || m.Insn.OpCode != (byte)((byte)InstructionClass.Jmp | (byte)JumpOp.Ja))
                continue;
            for (int j = i + 1; j < code.Count && code[j].Kind != MachineKind.Code; j++)
            {
                if (code[j].Kind == MachineKind.Label && code[j].Block == m.Block)
                {
                    code.RemoveAt(i--);
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }
}
