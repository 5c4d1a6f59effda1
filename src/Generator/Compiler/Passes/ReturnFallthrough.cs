using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// A block that ends by returning the same constant as the shared return block laid out right after it jumps
/// there instead, and the jump to the next block disappears: the main path of <c>... Submit(e); return Pass;</c>
/// falls into the <c>return Pass</c> every early check shares, as clang lays it out.
/// </summary>
internal static class ReturnFallthrough
{
    public static bool Run(IrFunction f)
    {
        bool changed = false;
        for (int i = 0; i + 1 < f.Blocks.Count; i++)
        {
            var block = f.Blocks[i];
            var next = f.Blocks[i + 1];
            if (block.Terminator is not { Op: IrOp.Return, A.IsConst: true } ret || !HasOtherCode(block)) continue;
            if (ReturnThreading.OnlyReturn(next) is not { IsConst: true } shared || shared.Value != ret.A.Value) continue;
            ret.Op = IrOp.Jump;
            ret.A = default;
            ret.Target = next;
            changed = true;
        }
        return changed;
    }

    private static bool HasOtherCode(IrBlock block)
    {
        for (int k = 0; k < block.Insts.Count - 1; k++)
            if (block.Insts[k].Op != IrOp.Line) return true;
        return false;
    }
}
