using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Replaces reads of a copy by reads of its source: globally when both are defined once (so neither can
/// change in between), and within a block until either is redefined. Registers pinned by the calling
/// convention are left alone, as stretching them across a call would clobber them.
/// </summary>
internal static class CopyPropagation
{
    public static bool Run(IrFunction f)
    {
        bool changed = false;
        var counts = UseCounts.Compute(f);
        var global = new Dictionary<int, int>();
        var inLoop = Cycles.BlocksInCycles(f);
        var blockOf = new Dictionary<IrInst, IrBlock>();
        foreach (var block in f.Blocks)
            foreach (var inst in block.Insts)
                blockOf[inst] = block;
        for (int r = 0; r < f.RegisterCount; r++)
        {
            // The source must be written once in the whole run, not once per loop iteration: a copy made in an
            // earlier iteration would otherwise read the newer value.
            if (counts.Defs[r] == 1 && !f.Fixed.ContainsKey(r) && counts.Definition[r] is { Op: IrOp.Mov, Width: Width.W64, A.IsReg: true } def
                && def.A.Reg != r && counts.Defs[def.A.Reg] == 1 && !f.Fixed.ContainsKey(def.A.Reg)
                && counts.Definition[def.A.Reg] is { } sourceDef && !inLoop.Contains(blockOf[sourceDef]))
                global[r] = def.A.Reg;
        }

        foreach (var block in f.Blocks)
        {
            var local = new Dictionary<int, int>();
            foreach (var inst in block.Insts)
            {
                inst.MapUses(o =>
                {
                    if (!o.IsReg) return o;
                    int r = o.Reg;
                    while (global.TryGetValue(r, out int src) || local.TryGetValue(r, out src)) r = src;
                    if (r == o.Reg) return o;
                    changed = true;
                    return Operand.R(r);
                });

                if (inst.Dst < 0) continue;
                local.Remove(inst.Dst);
                var stale = new List<int>();
                foreach (var pair in local)
                    if (pair.Value == inst.Dst) stale.Add(pair.Key);
                foreach (var k in stale) local.Remove(k);
                if (inst is { Op: IrOp.Mov, Width: Width.W64, A.IsReg: true } && inst.A.Reg != inst.Dst
                    && !f.Fixed.ContainsKey(inst.Dst) && !f.Fixed.ContainsKey(inst.A.Reg))
                    local[inst.Dst] = inst.A.Reg;
            }
        }
        return changed;
    }
}
