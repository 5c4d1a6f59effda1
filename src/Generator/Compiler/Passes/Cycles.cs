using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>Which blocks lie on a cycle of the control-flow graph (may run more than once).</summary>
internal static class Cycles
{
    public static HashSet<IrBlock> BlocksInCycles(IrFunction f)
    {
        var result = new HashSet<IrBlock>();
        foreach (var b in f.Blocks)
        {
            var seen = new HashSet<IrBlock>();
            var work = new Stack<IrBlock>(b.Successors());
            while (work.Count > 0)
            {
                var x = work.Pop();
                if (x == b) { result.Add(b); break; }
                if (!seen.Add(x)) continue;
                foreach (var s in x.Successors()) work.Push(s);
            }
        }
        return result;
    }
}
