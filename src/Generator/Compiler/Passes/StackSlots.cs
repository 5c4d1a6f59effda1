using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Which stack slots can be reached other than by slot-addressed loads and stores: those whose address is taken
/// (<c>&amp;local</c> for a helper, a struct passed by reference), and which registers may hold such an address.
/// A call may read or write every slot whose address is taken; a load or store through a register only the slots
/// that register may point into (any taken slot, once such an address has itself been stored to memory). Addresses
/// flow through moves, arithmetic and calls (a callee may return the pointer it was given).
/// </summary>
internal sealed class StackSlots
{
    private readonly HashSet<int>[] _pointsInto;
    private readonly HashSet<int> _taken = new();
    private readonly bool _addressStored;

    public StackSlots(IrFunction f)
    {
        _pointsInto = new HashSet<int>[f.RegisterCount];
        foreach (var block in f.Blocks)
            foreach (var inst in block.Insts)
                if (inst.Op == IrOp.StackAddress && inst.Slot >= 0)
                    _taken.Add(inst.Slot);

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var block in f.Blocks)
                foreach (var inst in block.Insts)
                {
                    if (inst.Dst < 0) continue;
                    if (inst.Op == IrOp.StackAddress)
                        changed |= Add(inst.Dst, inst.Slot);
                    // A callee (or a helper like bpf_dynptr_data) may hand back an address it was given.
                    else if (inst.Op is IrOp.Mov or IrOp.Bin or IrOp.CallLocal or IrOp.CallHelper)
                        foreach (var u in inst.Uses())
                            if (u.IsReg && _pointsInto[u.Reg] is { } slots)
                                foreach (int s in slots)
                                    changed |= Add(inst.Dst, s);
                }
        }

        foreach (var block in f.Blocks)
            foreach (var inst in block.Insts)
                if (inst.Op == IrOp.Store && inst.A.IsReg && _pointsInto[inst.A.Reg] is not null)
                    _addressStored = true;
    }

    /// <summary>Whether anything but slot-addressed loads and stores may touch <paramref name="slot"/>.</summary>
    public bool IsTaken(int slot) => _taken.Contains(slot);

    /// <summary>Whether a load or store through <paramref name="pointer"/> may touch <paramref name="slot"/>.</summary>
    public bool MayPointInto(Operand pointer, int slot) =>
        _taken.Contains(slot) && (_addressStored || (pointer.IsReg && _pointsInto[pointer.Reg] is { } slots && slots.Contains(slot)));

    private bool Add(int reg, int slot)
    {
        _pointsInto[reg] ??= new HashSet<int>();
        return _pointsInto[reg].Add(slot);
    }
}
