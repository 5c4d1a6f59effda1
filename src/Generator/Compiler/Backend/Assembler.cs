using System.Collections.Generic;
using BpfSharp.Asm;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>
/// Lays selected code out in slots: resolves jump offsets, widens a jump whose distance does not fit in
/// 16 bits (an unconditional one becomes the cpu v4 32-bit <c>gotol</c>; a conditional one jumps over it),
/// and records line entries and call relocations at their final slots.
/// </summary>
internal sealed class JumpOutOfRangeException : System.Exception
{
}

internal static class Assembler
{
    public static CompiledFunction Assemble(string name, List<MachineInst> code, int stackSize, CpuVersion cpu = CpuVersion.V4)
    {
        var longJumps = new HashSet<MachineInst>();
        while (true)
        {
            var slotOf = Layout(code, longJumps, out var labelSlot, out int total);
            bool widened = false;
            foreach (var m in code)
            {
                if (m.Kind != MachineKind.Code || m.Block < 0 || longJumps.Contains(m)) continue;
                int distance = labelSlot[m.Block] - (slotOf[m] + 1);
                if (distance < short.MinValue || distance > short.MaxValue)
                {
                    if (cpu < CpuVersion.V4) throw new JumpOutOfRangeException();
                    longJumps.Add(m);
                    widened = true;
                }
            }

            if (!widened)
                return Emit(name, code, longJumps, slotOf, labelSlot, total, stackSize);
        }
    }

    private static bool IsJa(Instruction i) => i.OpCode == (byte)((byte)InstructionClass.Jmp | (byte)JumpOp.Ja);

    /// <summary>Slots a jump takes: a long conditional jump is the inverted test, then gotol.</summary>
    private static int SlotsOf(MachineInst m, HashSet<MachineInst> longJumps) =>
        longJumps.Contains(m) && !IsJa(m.Insn) ? 2 : m.Slots;

    private static Dictionary<MachineInst, int> Layout(List<MachineInst> code, HashSet<MachineInst> longJumps, out Dictionary<int, int> labelSlot, out int total)
    {
        var slotOf = new Dictionary<MachineInst, int>();
        labelSlot = new Dictionary<int, int>();
        int slot = 0;
        foreach (var m in code)
        {
            if (m.Kind == MachineKind.Label) labelSlot[m.Block] = slot;
            slotOf[m] = slot;
            slot += SlotsOf(m, longJumps);
        }
        total = slot;
        return slotOf;
    }

    private static CompiledFunction Emit(string name, List<MachineInst> code, HashSet<MachineInst> longJumps,
        Dictionary<MachineInst, int> slotOf, Dictionary<int, int> labelSlot, int total, int stackSize)
    {
        var insns = new Instruction[total];
        var function = new CompiledFunction(name, insns) { StackSize = stackSize };
        foreach (var m in code)
        {
            int at = slotOf[m];
            if (m.Kind == MachineKind.Line)
            {
                var l = m.Line!;
                var entry = new LineEntry(at, l.File, l.Line, l.Column, l.Text);
                // The kernel wants strictly increasing offsets: a statement without code yields to the next.
                if (function.Lines.Count > 0 && function.Lines[function.Lines.Count - 1].Slot == at)
                    function.Lines[function.Lines.Count - 1] = entry;
                else if (at < total)
                    function.Lines.Add(entry);
                continue;
            }

            if (m.Kind != MachineKind.Code) continue;
            if (m.Block >= 0)
            {
                int target = labelSlot[m.Block];
                if (!longJumps.Contains(m))
                    insns[at] = m.Insn with { Offset = (short)(target - (at + 1)) };
                else if (IsJa(m.Insn))
                    insns[at] = Asm.Asm.LongJa(target - (at + 1));
                else
                {
                    // if (cond) goto far  =>  if (!cond) goto +1; gotol far
                    insns[at] = Invert(m.Insn) with { Offset = 1 };
                    insns[at + 1] = Asm.Asm.LongJa(target - (at + 2));
                }
                continue;
            }

            insns[at] = m.Insn;
            if (m.Second is { } second) insns[at + 1] = second;
            if (m.CallSymbol is not null) function.Relocations.Add(new CodeRelocation(at, m.Relocation, m.CallSymbol));
        }
        return function;
    }

    private static Instruction Invert(Instruction jump)
    {
        var op = (JumpOp)(jump.OpCode & 0xf0);
        var inverted = op switch
        {
            JumpOp.Jeq => JumpOp.Jne, JumpOp.Jne => JumpOp.Jeq, JumpOp.Jgt => JumpOp.Jle, JumpOp.Jle => JumpOp.Jgt,
            JumpOp.Jge => JumpOp.Jlt, JumpOp.Jlt => JumpOp.Jge, JumpOp.Jsgt => JumpOp.Jsle, JumpOp.Jsle => JumpOp.Jsgt,
            JumpOp.Jsge => JumpOp.Jslt, JumpOp.Jslt => JumpOp.Jsge,
            _ => throw new System.InvalidOperationException($"cannot invert {op} for a long jump"),
        };
        return jump with { OpCode = (byte)((jump.OpCode & 0x0f) | (byte)inverted) };
    }
}
