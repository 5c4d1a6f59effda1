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
            changed |= RemoveRedundantCopies(code);
            changed |= RemoveJumpsToNext(code);
        }
    }

    /// <summary><c>r1 = r1</c> does nothing (the 32-bit form is kept: it clears the upper half).</summary>
    public static bool RemoveSelfMoves(List<MachineInst> code) =>
        code.RemoveAll(m => m.Kind == MachineKind.Code && m.Block < 0 && m.Second is null
            && m.Insn.OpCode == (byte)((byte)InstructionClass.Alu64 | (byte)SourceCode.X | (byte)AluOp.Mov)
            && m.Insn.Offset == 0 && m.Insn.Dst == m.Insn.Src) > 0;

    /// <summary>
    /// <c>r1 = r6</c> right after <c>r6 = r1</c> (the context saved for after a call, then passed to the first one):
    /// within straight-line code, a 64-bit copy between registers that already hold the same value does nothing.
    /// What is known ends at every label, and a write to a register (a call writes R0-R5) forgets what it held.
    /// </summary>
    public static bool RemoveRedundantCopies(List<MachineInst> code)
    {
        const byte mov64 = (byte)InstructionClass.Alu64 | (byte)SourceCode.X | (byte)AluOp.Mov;
        // same[r]: the register r was last copied from (or to), while neither has been written since; -1 for none.
        var same = new int[11];
        void Forget(int r)
        {
            same[r] = -1;
            for (int k = 0; k < same.Length; k++)
                if (same[k] == r) same[k] = -1;
        }
        void ForgetAll()
        {
            for (int k = 0; k < same.Length; k++) same[k] = -1;
        }

        ForgetAll();
        bool changed = false;
        for (int i = 0; i < code.Count; i++)
        {
            var m = code[i];
            if (m.Kind == MachineKind.Label)
            {
                ForgetAll();
                continue;
            }
            if (m.Kind != MachineKind.Code) continue;
            var insn = m.Insn;
            int dst = (int)insn.Dst, src = (int)insn.Src;
            if (insn.OpCode == mov64 && insn.Offset == 0 && m.Second is null)
            {
                if (dst == src || same[dst] == src || same[src] == dst)
                {
                    code.RemoveAt(i--);
                    changed = true;
                    continue;
                }
                Forget(dst);
                same[dst] = src;
                continue;
            }
            switch (insn.Class)
            {
                case InstructionClass.Ld when (insn.OpCode & 0xe0) is (byte)ModeCode.Abs or (byte)ModeCode.Ind:
                    // Legacy packet loads call into the kernel: R0 gets the value, R1-R5 are clobbered.
                    for (int r = 0; r <= 5; r++) Forget(r);
                    break;
                case InstructionClass.Alu: case InstructionClass.Alu64: case InstructionClass.Ldx: case InstructionClass.Ld:
                    Forget(dst);
                    break;
                case InstructionClass.Stx when (insn.OpCode & 0xe0) == (byte)ModeCode.Atomic:
                    // A fetching atomic writes its source register, a compare-exchange R0.
                    Forget(src);
                    Forget(0);
                    break;
                case InstructionClass.Jmp when (insn.OpCode & 0xf0) == (byte)JumpOp.Call:
                    for (int r = 0; r <= 5; r++) Forget(r);
                    break;
                case InstructionClass.Jmp when (insn.OpCode & 0xf0) is (byte)JumpOp.Exit or (byte)JumpOp.Ja:
                    ForgetAll();
                    break;
            }
        }
        return changed;
    }

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
