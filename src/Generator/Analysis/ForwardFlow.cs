using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// A forward data-flow analysis over Roslyn's control flow graph, iterated to a fixed point. The state on entry
/// to a block is the join of its predecessors' exits, each seen through the edge (a branch's condition is a fact
/// on its taken edge). Subclasses give the lattice; <see cref="Report"/> then replays each block once, with the
/// final states, so diagnostics are reported once per construct.
/// </summary>
internal abstract class ForwardFlow<TState> where TState : class
{
    private const int MaxIterations = 10_000;

    protected abstract TState Entry();

    /// <summary>The least upper bound: what holds on entry when control arrives from either state.</summary>
    protected abstract TState Join(TState a, TState b);

    protected abstract bool Same(TState a, TState b);

    protected abstract TState Copy(TState state);

    /// <summary>Applies the block's operations to <paramref name="state"/> (which it may change), reporting when asked.</summary>
    protected abstract void Transfer(BasicBlock block, TState state, bool report);

    /// <summary>The state along the edge from <paramref name="block"/>; <paramref name="conditionValue"/> is the branch value on that edge, null when unconditional.</summary>
    protected virtual TState Edge(BasicBlock block, TState state, bool? conditionValue) => state;

    public void Run(ControlFlowGraph graph)
    {
        var blocks = graph.Blocks;
        var entry = new TState?[blocks.Length];
        entry[0] = Entry();
        var work = new Queue<int>();
        var queued = new bool[blocks.Length];
        work.Enqueue(0);
        queued[0] = true;
        int iterations = 0;
        while (work.Count > 0 && iterations++ < MaxIterations)
        {
            int index = work.Dequeue();
            queued[index] = false;
            var block = blocks[index];
            var state = Copy(entry[index]!);
            Transfer(block, state, report: false);
            foreach (var (successor, value) in Successors(block))
            {
                var incoming = Edge(block, Copy(state), value);
                int target = successor.Ordinal;
                var merged = entry[target] is null ? incoming : Join(entry[target]!, incoming);
                if (entry[target] is not null && Same(entry[target]!, merged))
                    continue;
                entry[target] = merged;
                if (!queued[target])
                {
                    queued[target] = true;
                    work.Enqueue(target);
                }
            }
        }

        for (int i = 0; i < blocks.Length; i++)
        {
            if (entry[i] is { } state)
                Transfer(blocks[i], Copy(state), report: true);
        }
    }

    private static IEnumerable<(BasicBlock Block, bool? Value)> Successors(BasicBlock block)
    {
        bool conditional = block.ConditionKind != ControlFlowConditionKind.None;
        bool takenValue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        if (block.ConditionalSuccessor?.Destination is { } taken)
            yield return (taken, conditional ? takenValue : null);
        if (block.FallThroughSuccessor?.Destination is { } next)
            yield return (next, conditional ? !takenValue : null);
    }
}
