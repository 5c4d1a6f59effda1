using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>For each block, the blocks every path from the entry passes through to reach it (itself included).</summary>
internal sealed class Dominators
{
    private readonly Dictionary<IrBlock, HashSet<IrBlock>> _dominators = new();

    public Dominators(IrFunction f)
    {
        var all = new HashSet<IrBlock>(f.Blocks);
        var predecessors = f.Blocks.ToDictionary(b => b, _ => new List<IrBlock>());
        foreach (var b in f.Blocks)
            foreach (var s in b.Successors())
                if (predecessors.TryGetValue(s, out var list)) list.Add(b);
        foreach (var b in f.Blocks)
            _dominators[b] = b == f.Blocks[0] ? new HashSet<IrBlock> { b } : new HashSet<IrBlock>(all);

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var b in f.Blocks.Skip(1))
            {
                HashSet<IrBlock>? meet = null;
                foreach (var p in predecessors[b])
                {
                    if (meet is null) meet = new HashSet<IrBlock>(_dominators[p]);
                    else meet.IntersectWith(_dominators[p]);
                }
                meet ??= new HashSet<IrBlock>();
                meet.Add(b);
                if (!meet.SetEquals(_dominators[b]))
                {
                    _dominators[b] = meet;
                    changed = true;
                }
            }
        }
    }

    public bool Dominates(IrBlock a, IrBlock b) => _dominators.TryGetValue(b, out var set) && set.Contains(a);
}
