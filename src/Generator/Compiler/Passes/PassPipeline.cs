using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>Runs the IR passes until none changes anything (bounded: each only shrinks or simplifies).</summary>
internal static class PassPipeline
{
    public static void Optimize(IrFunction f)
    {
        for (int round = 0; round < 32; round++)
        {
            bool changed = UnreachableBlocks.Run(f);
            changed |= ConstantFolding.Run(f);
            changed |= CopyPropagation.Run(f);
            changed |= BranchSimplification.Run(f);
            changed |= UnreachableBlocks.Run(f);
            changed |= DeadCodeElimination.Run(f);
            if (!changed) break;
        }

        if (SelectHoisting.Run(f))
        {
            UnreachableBlocks.Run(f);
            BranchSimplification.Run(f);
        }
    }
}
