using System.Linq;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// A block that only tests a register, reached from a block that has just set that register to a constant, is
/// decided already on that path: the jump goes straight to the outcome. This removes the re-test of a
/// materialized boolean (<c>TryLookup(...) ? a : b</c>, <c>x &amp;&amp; y</c> stored then tested).
/// </summary>
internal static class JumpThreading
{
    public static bool Run(IrFunction f)
    {
        bool changed = false;
        foreach (var test in f.Blocks)
        {
            var insts = test.Insts.Where(i => i.Op != IrOp.Line).ToList();
            if (insts.Count != 1 || insts[0] is not { Op: IrOp.Branch, A.IsReg: true, B.IsConst: true } branch) continue;
            int v = branch.A.Reg;
            foreach (var from in f.Blocks)
            {
                if (from == test || from.Terminator is not { Op: IrOp.Jump } jump || jump.Target != test) continue;
                var last = from.Insts.LastOrDefault(i => i.Dst == v);
                if (last is not { Op: IrOp.Mov, A.IsConst: true }) continue;
                long value = Evaluator.Move(last.Width, last.A.Value);
                jump.Target = Evaluator.Compare(branch.Cond, branch.Width, value, branch.B.Value) ? branch.Target : branch.Else;
                changed = true;
            }
        }
        return changed;
    }
}
