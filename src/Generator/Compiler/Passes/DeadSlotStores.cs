using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Removes a store to a stack slot that nothing reads afterwards on any path: after <see cref="SlotForwarding"/>,
/// the last write of a local whose address went to a helper earlier. A slot is read by a load from it, by a call
/// if its address is taken, and by a load through a register that may point into it.
/// </summary>
internal static class DeadSlotStores
{
    public static bool Run(IrFunction f)
    {
        var slots = new StackSlots(f);
        var liveIn = new Dictionary<IrBlock, HashSet<int>>();
        foreach (var block in f.Blocks) liveIn[block] = new HashSet<int>();

        // Reads only (a store never ends a slot's life here): a fixed point of "may be read later".
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int b = f.Blocks.Count - 1; b >= 0; b--)
            {
                var block = f.Blocks[b];
                var live = LiveOut(block, liveIn);
                for (int k = block.Insts.Count - 1; k >= 0; k--) AddReads(block.Insts[k], live, slots, f);
                foreach (int s in live) changed |= liveIn[block].Add(s);
            }
        }

        bool removed = false;
        foreach (var block in f.Blocks)
        {
            var live = LiveOut(block, liveIn);
            for (int k = block.Insts.Count - 1; k >= 0; k--)
            {
                var inst = block.Insts[k];
                if (inst is { Op: IrOp.Store, Slot: >= 0, Atomic: false } && !live.Contains(inst.Slot))
                {
                    block.Insts.RemoveAt(k);
                    removed = true;
                    continue;
                }
                AddReads(inst, live, slots, f);
            }
        }
        return removed;
    }

    private static HashSet<int> LiveOut(IrBlock block, Dictionary<IrBlock, HashSet<int>> liveIn)
    {
        var live = new HashSet<int>();
        foreach (var s in block.Successors()) live.UnionWith(liveIn[s]);
        return live;
    }

    private static void AddReads(IrInst inst, HashSet<int> live, StackSlots slots, IrFunction f)
    {
        switch (inst.Op)
        {
            case IrOp.Load when inst.Slot >= 0:
            case IrOp.Store when inst.Slot >= 0 && inst.Atomic:
                live.Add(inst.Slot);
                break;
            case IrOp.Load:
                for (int s = 0; s < f.Slots.Count; s++)
                    if (slots.MayPointInto(inst.Base, s)) live.Add(s);
                break;
            case IrOp.CallHelper: case IrOp.CallLocal:
                for (int s = 0; s < f.Slots.Count; s++)
                    if (slots.IsTaken(s)) live.Add(s);
                break;
        }
    }
}
