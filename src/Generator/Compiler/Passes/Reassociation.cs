using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Two constants applied one after the other by the same kind of operation become one: <c>(x + 14) + 2</c> is
/// <c>x + 16</c> (how <c>ETH_HLEN + ihl * 4 + 2</c> arrives), likewise for - (as + of the negation), &amp;, | and ^.
/// The intermediate must be read only there, and x must not change in between (same block).
/// </summary>
internal static class Reassociation
{
    public static bool Run(IrFunction f)
    {
        var counts = UseCounts.Compute(f);
        bool changed = false;
        foreach (var block in f.Blocks)
        {
            var insts = block.Insts;
            for (int k = 0; k < insts.Count; k++)
            {
                var outer = insts[k];
                if (outer is not { Op: IrOp.Bin, A.IsReg: true, B.IsConst: true }) continue;
                int t = outer.A.Reg;
                if (counts.Defs[t] != 1 || counts.Uses[t] != 1 || f.Fixed.ContainsKey(t)) continue;
                var inner = counts.Definition[t];
                if (inner is not { Op: IrOp.Bin, A.IsReg: true, B.IsConst: true } || inner.Width != outer.Width) continue;
                if (Combine(inner, outer) is not { } combined) continue;
                int at = insts.IndexOf(inner);
                if (at < 0 || at > k || Redefined(insts, inner.A.Reg, at, k)) continue;
                outer.A = inner.A;
                outer.Bin = combined.Op;
                outer.B = Operand.C(combined.Value);
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>The single operation doing both, if its constant still fits an instruction's immediate.</summary>
    private static (BinOp Op, long Value)? Combine(IrInst inner, IrInst outer)
    {
        long a = inner.B.Value, b = outer.B.Value;
        (BinOp Op, long Value)? result = (inner.Bin, outer.Bin) switch
        {
            (BinOp.Add or BinOp.Sub, BinOp.Add or BinOp.Sub) =>
                (BinOp.Add, Evaluator.Binary(BinOp.Add, outer.Width, Signed(inner.Bin, a), Signed(outer.Bin, b))),
            (BinOp.And, BinOp.And) => (BinOp.And, a & b),
            (BinOp.Or, BinOp.Or) => (BinOp.Or, a | b),
            (BinOp.Xor, BinOp.Xor) => (BinOp.Xor, a ^ b),
            _ => null,
        };
        if (result is not { } r) return null;
        // A 64-bit operation sign-extends its immediate; a 32-bit one reads only the low half.
        return outer.Width == Width.W32 || Backend.Legalizer.FitsImm(r.Value) ? r : null;
    }

    private static long Signed(BinOp op, long value) => op == BinOp.Sub ? unchecked(-value) : value;

    private static bool Redefined(System.Collections.Generic.List<IrInst> insts, int reg, int from, int to)
    {
        for (int j = from + 1; j < to; j++)
            if (insts[j].Dst == reg) return true;
        return false;
    }
}
