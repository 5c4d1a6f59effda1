using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>Removes side-effect-free instructions whose result nobody reads, and self-moves.</summary>
internal static class DeadCodeElimination
{
    public static bool Run(IrFunction f)
    {
        bool changed = false;
        while (true)
        {
            var counts = UseCounts.Compute(f);
            int removed = 0;
            foreach (var block in f.Blocks)
                removed += block.Insts.RemoveAll(i =>
                    (i.IsPure && i.Dst >= 0 && counts.Uses[i.Dst] == 0 && !f.Fixed.ContainsKey(i.Dst))
                    || (i is { Op: IrOp.Mov, Width: Width.W64, A.IsReg: true } && i.A.Reg == i.Dst));
            if (removed == 0) return changed;
            changed = true;
        }
    }
}
