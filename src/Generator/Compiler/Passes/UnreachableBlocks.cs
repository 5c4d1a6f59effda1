using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>Removes blocks no path from the entry reaches (code after return, folded branches).</summary>
internal static class UnreachableBlocks
{
    public static bool Run(IrFunction f)
    {
        var reached = new HashSet<IrBlock>();
        var work = new Stack<IrBlock>();
        work.Push(f.Blocks[0]);
        while (work.Count > 0)
        {
            var b = work.Pop();
            if (!reached.Add(b)) continue;
            foreach (var s in b.Successors()) work.Push(s);
        }
        return f.Blocks.RemoveAll(b => !reached.Contains(b)) > 0;
    }
}
