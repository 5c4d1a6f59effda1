using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Early returns of the same value (<c>if (...) return 0;</c> after every bounds check) become one shared
/// return block, so each check is a single conditional jump to it, as clang emits them.
/// </summary>
internal static class TailMerging
{
    public static bool Run(IrFunction f)
    {
        var first = new Dictionary<Operand, IrBlock>();
        var replace = new Dictionary<IrBlock, IrBlock>();
        foreach (var block in f.Blocks)
        {
            if (block == f.Blocks[0] || !IsReturnOnly(block, out var value)) continue;
            if (first.TryGetValue(value, out var shared)) replace[block] = shared;
            else first[value] = block;
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
        foreach (var shared in replace.Values)
            if (f.Blocks.Remove(shared)) f.Blocks.Add(shared);
        return true;
    }

    /// <summary>A block that does nothing but return (line markers aside).</summary>
    private static bool IsReturnOnly(IrBlock block, out Operand value)
    {
        value = default;
        if (block.Terminator is not { Op: IrOp.Return } ret || block.Insts.Take(block.Insts.Count - 1).Any(i => i.Op != IrOp.Line))
            return false;
        value = ret.A;
        return true;
    }
}
