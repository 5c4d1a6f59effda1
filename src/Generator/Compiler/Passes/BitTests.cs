using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// <c>if ((x &amp; m) != 0)</c>, with the masked value read nowhere else, becomes one JSET (<c>if x &amp; m goto</c>);
/// <c>== 0</c> becomes the same test with its targets swapped. TCP flag tests (<c>(flags &amp; SYN) != 0 &amp;&amp;
/// (flags &amp; ACK) == 0</c>) then neither copy the flags nor mask them.
/// </summary>
internal static class BitTests
{
    public static bool Run(IrFunction f)
    {
        var counts = UseCounts.Compute(f);
        bool changed = false;
        foreach (var block in f.Blocks)
        {
            if (block.Terminator is not { Op: IrOp.Branch, Cond: Cond.Eq or Cond.Ne, A.IsReg: true, B.IsConst: true } branch || branch.B.Value != 0) continue;
            int t = branch.A.Reg;
            if (counts.Defs[t] != 1 || counts.Uses[t] != 1 || f.Fixed.ContainsKey(t)) continue;
            if (counts.Definition[t] is not { Op: IrOp.Bin, Bin: BinOp.And, A.IsReg: true } mask) continue;
            int at = block.Insts.IndexOf(mask);
            if (at < 0 || ChangedAfter(block, at, mask)) continue;

            // A 32-bit mask or a 32-bit compare looks only at the low half: so does a 32-bit JSET.
            branch.Width = mask.Width == Width.W32 || branch.Width == Width.W32 ? Width.W32 : Width.W64;
            branch.A = mask.A;
            branch.B = mask.B;
            if (branch.Cond == Cond.Eq) (branch.Target, branch.Else) = (branch.Else, branch.Target);
            branch.Cond = Cond.Set;
            changed = true;
        }
        return changed;
    }

    /// <summary>Whether an operand of the mask is reassigned between it and the block's end.</summary>
    private static bool ChangedAfter(IrBlock block, int at, IrInst mask)
    {
        for (int k = at + 1; k < block.Insts.Count; k++)
        {
            int d = block.Insts[k].Dst;
            if (d >= 0 && ((mask.A.IsReg && mask.A.Reg == d) || (mask.B.IsReg && mask.B.Reg == d))) return true;
        }
        return false;
    }
}
