using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Each block entered from exactly one edge, with the block that edge leaves: what holds at the end of that block
/// holds at the start of this one (the forwarding passes carry what they know across such edges).
/// </summary>
internal static class SinglePredecessors
{
    public static Dictionary<IrBlock, IrBlock> Of(IrFunction f)
    {
        var count = new Dictionary<IrBlock, int>();
        var from = new Dictionary<IrBlock, IrBlock>();
        foreach (var block in f.Blocks)
            foreach (var s in block.Successors())
            {
                count[s] = count.TryGetValue(s, out int n) ? n + 1 : 1;
                from[s] = block;
            }
        var single = new Dictionary<IrBlock, IrBlock>();
        foreach (var pair in from)
            if (count[pair.Key] == 1 && pair.Key != f.Blocks[0])
                single[pair.Key] = pair.Value;
        return single;
    }
}
