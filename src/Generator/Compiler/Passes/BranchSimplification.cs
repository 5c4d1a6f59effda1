using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Control-flow clean-up: branches on constants or to one place become jumps, jumps to a block that only
/// jumps on go straight to its target, and a block entered only from a jump is merged into its predecessor.
/// </summary>
internal static class BranchSimplification
{
    public static bool Run(IrFunction f)
    {
        bool changed = FoldBranches(f);
        changed |= ThreadJumps(f);
        changed |= MergeBlocks(f);
        return changed;
    }

    private static bool FoldBranches(IrFunction f)
    {
        bool changed = false;
        foreach (var block in f.Blocks)
        {
            if (block.Terminator is not { Op: IrOp.Branch } t) continue;
            IrBlock? target = null;
            if (t.A.IsConst && t.B.IsConst)
                target = Evaluator.Compare(t.Cond, t.Width, t.A.Value, t.B.Value) ? t.Target : t.Else;
            else if (t.Target == t.Else)
                target = t.Target;
            if (target is null) continue;
            t.Op = IrOp.Jump;
            t.Target = target;
            t.Else = null;
            changed = true;
        }
        return changed;
    }

    /// <summary>The block a jump to <paramref name="b"/> ends up in, skipping blocks that hold nothing but a jump.</summary>
    private static IrBlock Final(IrBlock b)
    {
        var seen = new HashSet<IrBlock>();
        while (b.Insts.Count == 1 && b.Insts[0].Op == IrOp.Jump && seen.Add(b))
            b = b.Insts[0].Target!;
        return b;
    }

    private static bool ThreadJumps(IrFunction f)
    {
        bool changed = false;
        foreach (var block in f.Blocks)
        {
            if (block.Terminator is not { } t) continue;
            if (t.Target is { } a && Final(a) != a) { t.Target = Final(a); changed = true; }
            if (t.Else is { } b && Final(b) != b) { t.Else = Final(b); changed = true; }
        }
        return changed;
    }

    private static bool MergeBlocks(IrFunction f)
    {
        var predecessors = new Dictionary<IrBlock, int>();
        foreach (var block in f.Blocks)
            foreach (var s in block.Successors())
                predecessors[s] = predecessors.TryGetValue(s, out int n) ? n + 1 : 1;

        bool changed = false;
        foreach (var block in f.Blocks.ToList())
        {
            if (!f.Blocks.Contains(block)) continue;
            while (block.Terminator is { Op: IrOp.Jump } jump && jump.Target is { } next && next != block && next != f.Blocks[0]
                && predecessors.TryGetValue(next, out int count) && count == 1)
            {
                block.Insts.RemoveAt(block.Insts.Count - 1);
                block.Insts.AddRange(next.Insts);
                f.Blocks.Remove(next);
                changed = true;
            }
        }
        return changed;
    }
}
