using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// <c>r = c ? k1 : k2</c> arrives as a diamond of two one-move blocks. Moving the taken side's move
/// above the branch (it is a constant or an unrelated register, and the branch does not read r) turns
/// it into "r = k1; if (c) goto join; r = k2", as clang does, saving a jump.
/// </summary>
internal static class SelectHoisting
{
    public static bool Run(IrFunction f)
    {
        bool changed = false;
        foreach (var head in f.Blocks)
        {
            if (head.Terminator is not { Op: IrOp.Branch } branch) continue;
            var then = branch.Target!;
            var otherwise = branch.Else!;
            if (!IsSingleMove(then, out var move, out var join) || then == head) continue;
            bool diamond = IsSingleMove(otherwise, out var otherMove, out var otherJoin) && otherJoin == join && otherMove.Dst == move.Dst;
            if (!diamond) continue;
            int r = move.Dst;
            if ((branch.A.IsReg && branch.A.Reg == r) || (branch.B.IsReg && branch.B.Reg == r) || (move.A.IsReg && move.A.Reg == r)) continue;
            if (CountPredecessors(f, then) != 1) continue;
            head.Insts.Insert(head.Insts.Count - 1, new IrInst(IrOp.Mov) { Dst = r, A = move.A, Width = move.Width });
            branch.Target = join;
            changed = true;
        }
        return changed;
    }

    private static bool IsSingleMove(IrBlock b, out IrInst move, out IrBlock join)
    {
        move = null!;
        join = null!;
        if (b.Insts.Count != 2 || b.Insts[0].Op != IrOp.Mov || b.Insts[1].Op != IrOp.Jump) return false;
        move = b.Insts[0];
        join = b.Insts[1].Target!;
        return true;
    }

    private static int CountPredecessors(IrFunction f, IrBlock target)
    {
        int n = 0;
        foreach (var b in f.Blocks)
            foreach (var s in b.Successors())
                if (s == target) n++;
        return n;
    }
}
