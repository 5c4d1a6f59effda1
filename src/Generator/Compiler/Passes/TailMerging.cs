using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Blocks that end the function the same way become one: early returns of the same value (<c>if (...) return 0;</c>
/// after every bounds check) and identical final computations on two paths (<c>return ntohs(t-&gt;dport)</c> for
/// TCP and UDP). Each check is then a single conditional jump to the shared block, as clang emits it.
/// </summary>
internal static class TailMerging
{
    public static bool Run(IrFunction f)
    {
        var kept = new List<IrBlock>();
        var replace = new Dictionary<IrBlock, IrBlock>();
        foreach (var block in f.Blocks)
        {
            if (block == f.Blocks[0] || block.Terminator is not { Op: IrOp.Return }) continue;
            var same = kept.FirstOrDefault(k => Equivalent(k, block));
            if (same is not null) replace[block] = same;
            else kept.Add(block);
        }
        if (replace.Count == 0) return false;
        foreach (var block in f.Blocks)
        {
            if (block.Terminator is not { } t) continue;
            if (t.Target is { } a && replace.TryGetValue(a, out var ra)) t.Target = ra;
            if (t.Else is { } b && replace.TryGetValue(b, out var rb)) t.Else = rb;
        }
        f.Blocks.RemoveAll(replace.ContainsKey);
        // Shared returns go last: every check then jumps forward to them and the straight path falls through.
        foreach (var shared in replace.Values.Distinct())
            if (f.Blocks.Remove(shared)) f.Blocks.Add(shared);
        return true;
    }

    /// <summary>The same instructions, reading the same outside registers; what each defines may differ by name.</summary>
    private static bool Equivalent(IrBlock x, IrBlock y)
    {
        var a = x.Insts.Where(i => i.Op != IrOp.Line).ToList();
        var b = y.Insts.Where(i => i.Op != IrOp.Line).ToList();
        if (a.Count != b.Count || a.Count > 8) return false;
        var renamed = new Dictionary<int, int>();
        for (int k = 0; k < a.Count; k++)
        {
            var p = a[k];
            var q = b[k];
            if (p.Op != q.Op || p.Width != q.Width || p.Bin != q.Bin || p.Cond != q.Cond || p.Bits != q.Bits || p.Slot != q.Slot
                || p.Offset != q.Offset || p.Size != q.Size || p.Signed != q.Signed || p.Imm != q.Imm || p.Symbol != q.Symbol
                || p.Args.Length != q.Args.Length || (p.Dst < 0) != (q.Dst < 0))
                return false;
            var pu = p.Uses().ToList();
            var qu = q.Uses().ToList();
            for (int u = 0; u < pu.Count; u++)
            {
                var expected = pu[u].IsReg && renamed.TryGetValue(pu[u].Reg, out int r) ? Operand.R(r) : pu[u];
                if (!expected.Equals(qu[u])) return false;
            }
            if (p.Dst >= 0) renamed[p.Dst] = q.Dst;
        }
        return true;
    }
}
