using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// A load from a stack slot that a store or load on the way there already put in a register reads that register
/// instead: <c>port = ntohs(port)</c> on a local whose address went to a helper earlier stores the value and then
/// reloads it for every later read. What is known flows through a block and on into a block with no other
/// predecessor; a call forgets the slots whose address is taken, and so does a store through a pointer that may
/// point into them.
/// </summary>
internal static class SlotForwarding
{
    private sealed record Known(int Slot, int Offset, MemSize Size, bool Signed, Operand Value, bool Stored);

    public static bool Run(IrFunction f)
    {
        var slots = new StackSlots(f);
        var predecessor = SinglePredecessors.Of(f);
        var atEnd = new Dictionary<IrBlock, List<Known>>();
        bool changed = false;
        foreach (var block in f.Blocks)
        {
            var known = new List<Known>();
            if (predecessor.TryGetValue(block, out var from) && atEnd.TryGetValue(from, out var inherited))
                known.AddRange(inherited);

            foreach (var inst in block.Insts)
            {
                if (inst is { Op: IrOp.Load, Slot: >= 0 } && !f.Fixed.ContainsKey(inst.Dst)
                    && known.FirstOrDefault(k => k.Slot == inst.Slot && k.Offset == inst.Offset && k.Size == inst.Size && (k.Stored || k.Signed == inst.Signed)) is { } hit)
                {
                    Replace(inst, hit);
                    changed = true;
                }

                if (inst.Dst >= 0)
                    known.RemoveAll(k => k.Value.IsReg && k.Value.Reg == inst.Dst);
                switch (inst.Op)
                {
                    case IrOp.Load when inst.Slot >= 0:
                        known.Add(new Known(inst.Slot, inst.Offset, inst.Size, inst.Signed, Operand.R(inst.Dst), Stored: false));
                        break;
                    case IrOp.Store when inst.Slot >= 0:
                        known.RemoveAll(k => k.Slot == inst.Slot && Overlaps(k, inst));
                        if (!inst.Atomic)
                            known.Add(new Known(inst.Slot, inst.Offset, inst.Size, false, inst.A, Stored: true));
                        break;
                    case IrOp.Store:
                        known.RemoveAll(k => slots.MayPointInto(inst.Base, k.Slot));
                        break;
                    case IrOp.CallHelper: case IrOp.CallLocal:
                        known.RemoveAll(k => slots.IsTaken(k.Slot));
                        break;
                }
            }
            atEnd[block] = known;
        }
        return changed;
    }

    private static bool Overlaps(Known k, IrInst store) =>
        k.Offset < store.Offset + (int)store.Size && store.Offset < k.Offset + (int)k.Size;

    /// <summary>The load becomes what it would have read: the earlier load's register, or the stored value cut to the load's size.</summary>
    private static void Replace(IrInst load, Known hit)
    {
        int bits = 8 * (int)load.Size;
        load.Slot = -1;
        load.Offset = 0;
        load.Base = default;
        if (!hit.Stored || load.Size == MemSize.B8)
        {
            Become(load, IrOp.Mov, Width.W64, hit.Value);
        }
        else if (hit.Value.IsConst)
        {
            long v = hit.Value.Value & ((1L << bits) - 1);
            if (load.Signed && (v >> (bits - 1)) != 0) v -= 1L << bits;
            Become(load, IrOp.Mov, Width.W64, Operand.C(v));
        }
        else if (load.Signed)
        {
            Become(load, IrOp.SignExtend, Width.W64, hit.Value);
            load.Bits = bits;
        }
        else if (load.Size == MemSize.B4)
        {
            Become(load, IrOp.Mov, Width.W32, hit.Value);
        }
        else
        {
            Become(load, IrOp.Bin, Width.W32, hit.Value);
            load.Bin = BinOp.And;
            load.B = Operand.C((1L << bits) - 1);
        }
    }

    private static void Become(IrInst inst, IrOp op, Width width, Operand a)
    {
        inst.Op = op;
        inst.Width = width;
        inst.A = a;
        inst.B = default;
        inst.Signed = false;
    }
}
