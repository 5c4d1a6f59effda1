using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>Runs the IR passes until none changes anything (bounded: each only shrinks or simplifies).</summary>
internal static class PassPipeline
{
    public static void Optimize(IrFunction f)
    {
        Simplify(f);
        // Coalescing makes variables multiply-defined, which the single-definition passes above cannot see through: it runs last.
        if (CopyCoalescing.Run(f) | DeadStores.Run(f))
            Simplify(f);

        if (SelectHoisting.Run(f))
        {
            UnreachableBlocks.Run(f);
            BranchSimplification.Run(f);
        }
    }

    private static void Simplify(IrFunction f)
    {
        for (int round = 0; round < 32; round++)
        {
            bool changed = UnreachableBlocks.Run(f);
            changed |= ConstantFolding.Run(f);
            changed |= Reassociation.Run(f);
            changed |= CopyPropagation.Run(f);
            changed |= BranchSimplification.Run(f);
            changed |= JumpThreading.Run(f);
            changed |= UnreachableBlocks.Run(f);
            changed |= DeadCodeElimination.Run(f);
            changed |= ReturnThreading.Run(f);
            changed |= TailMerging.Run(f);
            changed |= ReturnFallthrough.Run(f);
            changed |= AddressFolding.Run(f);
            changed |= KnownBits.Run(f);
            changed |= BitTests.Run(f);
            changed |= LocalValueNumbering.Run(f);
            changed |= SlotForwarding.Run(f);
            changed |= LoadReuse.Run(f);
            changed |= GlobalValueNumbering.Run(f);
            changed |= DeadStores.Run(f);
            changed |= DeadSlotStores.Run(f);
            if (!changed) break;
        }
    }
}
