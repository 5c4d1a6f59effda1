using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// A pure computation over registers that never change (defined once, outside loops) repeated in a block that
/// the first computation's block dominates reuses the first result: <c>data + 14</c> computed for a bounds check
/// and again for the header pointer after it.
/// </summary>
internal static class GlobalValueNumbering
{
    public static bool Run(IrFunction f)
    {
        var stable = new StableRegisters(f, UseCounts.Compute(f));
        var dominators = new Dominators(f);
        var seen = new Dictionary<(IrOp, BinOp, Width, Operand, Operand, int, int, int), List<(IrBlock Block, int Reg)>>();
        bool changed = false;
        foreach (var block in f.Blocks)
            foreach (var inst in block.Insts)
            {
                if (inst.Dst < 0 || !stable.IsStable(inst.Dst) || inst.Op is not (IrOp.Bin or IrOp.Neg or IrOp.SignExtend or IrOp.ByteSwap or IrOp.StackAddress))
                    continue;
                var b = inst.Op == IrOp.Bin ? inst.B : default;
                if ((inst.A.IsReg && !stable.IsStable(inst.A.Reg)) || (b.IsReg && !stable.IsStable(b.Reg))) continue;
                var key = (inst.Op, inst.Bin, inst.Width, inst.A, b, inst.Bits, inst.Slot, inst.Offset);
                if (!seen.TryGetValue(key, out var earlier)) seen[key] = earlier = new List<(IrBlock, int)>();
                int reuse = -1;
                foreach (var e in earlier)
                    if (e.Block != block && dominators.Dominates(e.Block, block)) { reuse = e.Reg; break; }
                if (reuse < 0)
                {
                    earlier.Add((block, inst.Dst));
                    continue;
                }
                inst.Op = IrOp.Mov;
                inst.Width = Width.W64;
                inst.A = Operand.R(reuse);
                inst.B = default;
                changed = true;
            }
        return changed;
    }
}
