using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>Runs the IR passes until none changes anything (with a bound, as each pass only shrinks or simplifies).</summary>
internal static class PassPipeline
{
    public static void Optimize(IrFunction f)
    {
        for (int round = 0; round < 16; round++)
        {
            bool changed = UnreachableBlocks.Run(f);
            if (!changed) break;
        }
    }
}
