using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// A block that sets a register to a constant and jumps to a block that only returns that register returns the
/// constant itself, when some block already returns that constant: tail merging then shares that return
/// (<c>return port == 80 ? len : 0</c> after checks that each return 0 needs one <c>w0 = 0; exit</c>, not two).
/// Without such a block the jump stays: a select feeding a return is smaller as a hoisted move.
/// </summary>
internal static class ReturnThreading
{
    public static bool Run(IrFunction f)
    {
        var returned = new HashSet<long>();
        foreach (var block in f.Blocks)
            if (OnlyReturn(block) is { IsConst: true } value)
                returned.Add(value.Value);

        bool changed = false;
        foreach (var from in f.Blocks)
        {
            if (from.Terminator is not { Op: IrOp.Jump } jump || OnlyReturn(jump.Target!) is not { IsReg: true } result) continue;
            var last = from.Insts.LastOrDefault(i => i.Dst == result.Reg);
            if (last is not { Op: IrOp.Mov, A.IsConst: true }) continue;
            long value = Evaluator.Move(last.Width, last.A.Value);
            if (!returned.Contains(value)) continue;
            jump.Op = IrOp.Return;
            jump.A = Operand.C(value);
            jump.Target = null;
            changed = true;
        }
        return changed;
    }

    /// <summary>What a block returns if returning is all it does (statement markers aside), else null.</summary>
    internal static Operand? OnlyReturn(IrBlock block)
    {
        IrInst? only = null;
        foreach (var inst in block.Insts)
        {
            if (inst.Op == IrOp.Line) continue;
            if (only is not null) return null;
            only = inst;
        }
        return only is { Op: IrOp.Return } ? only.A : null;
    }
}
