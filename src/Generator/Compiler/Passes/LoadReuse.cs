using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// A load through a register that an earlier load on the way already made (same base register, offset, size and
/// extension; the base not reassigned, nothing stored and no call in between) reads the earlier load's register:
/// <c>tcp-&gt;Flags</c> tested for SYN and then for ACK is read once. What is known flows through a block and on into
/// a block with no other predecessor, as in <see cref="SlotForwarding"/>.
/// </summary>
internal static class LoadReuse
{
    private sealed record Known(int Base, int Offset, MemSize Size, bool Signed, int Value);

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
                bool viaRegister = inst is { Op: IrOp.Load, Slot: < 0, Base.IsReg: true };
                if (viaRegister && !f.Fixed.ContainsKey(inst.Dst)
                    && known.FirstOrDefault(k => k.Base == inst.Base.Reg && k.Offset == inst.Offset && k.Size == inst.Size && k.Signed == inst.Signed) is { } hit)
                {
                    inst.Op = IrOp.Mov;
                    inst.Width = Width.W64;
                    inst.A = Operand.R(hit.Value);
                    inst.Base = default;
                    inst.Offset = 0;
                    inst.Signed = false;
                    viaRegister = false;
                    changed = true;
                }

                if (inst.Dst >= 0)
                    known.RemoveAll(k => k.Base == inst.Dst || k.Value == inst.Dst);
                switch (inst.Op)
                {
                    case IrOp.Load when viaRegister && inst.Base.Reg != inst.Dst:
                        known.Add(new Known(inst.Base.Reg, inst.Offset, inst.Size, inst.Signed, inst.Dst));
                        break;
                    case IrOp.Store when inst.Slot >= 0 && !inst.Atomic:
                        known.RemoveAll(k => slots.MayPointInto(Operand.R(k.Base), inst.Slot));
                        break;
                    case IrOp.Store: case IrOp.CallHelper: case IrOp.CallLocal:
                        known.Clear();
                        break;
                }
            }
            atEnd[block] = known;
        }
        return changed;
    }
}
