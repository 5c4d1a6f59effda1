using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Removes side-effect-free writes to registers that are not live afterwards (the last assignment to a variable
/// before it is returned through another register, for instance), using block liveness rather than use counts.
/// </summary>
internal static class DeadStores
{
    public static bool Run(IrFunction f)
    {
        var liveOut = LiveOut(f);
        bool changed = false;
        foreach (var block in f.Blocks)
        {
            var live = new HashSet<int>(liveOut[block]);
            for (int k = block.Insts.Count - 1; k >= 0; k--)
            {
                var inst = block.Insts[k];
                if (inst.Dst >= 0 && inst.IsPure && !live.Contains(inst.Dst) && !f.Fixed.ContainsKey(inst.Dst))
                {
                    block.Insts.RemoveAt(k);
                    changed = true;
                    continue;
                }
                if (inst.Dst >= 0) live.Remove(inst.Dst);
                foreach (var u in inst.Uses())
                    if (u.IsReg) live.Add(u.Reg);
            }
        }
        return changed;
    }

    public static Dictionary<IrBlock, HashSet<int>> LiveOut(IrFunction f)
    {
        var gen = new Dictionary<IrBlock, HashSet<int>>();
        var kill = new Dictionary<IrBlock, HashSet<int>>();
        var liveIn = new Dictionary<IrBlock, HashSet<int>>();
        var liveOut = new Dictionary<IrBlock, HashSet<int>>();
        foreach (var b in f.Blocks)
        {
            var g = new HashSet<int>();
            var d = new HashSet<int>();
            foreach (var inst in b.Insts)
            {
                foreach (var u in inst.Uses())
                    if (u.IsReg && !d.Contains(u.Reg)) g.Add(u.Reg);
                if (inst.Dst >= 0) d.Add(inst.Dst);
            }
            gen[b] = g;
            kill[b] = d;
            liveIn[b] = new HashSet<int>(g);
            liveOut[b] = new HashSet<int>();
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int i = f.Blocks.Count - 1; i >= 0; i--)
            {
                var b = f.Blocks[i];
                foreach (var s in b.Successors())
                    foreach (int r in liveIn[s])
                        if (liveOut[b].Add(r))
                        {
                            changed = true;
                            if (!kill[b].Contains(r)) liveIn[b].Add(r);
                        }
            }
        }
        return liveOut;
    }
}
