using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// A forward data-flow analysis over Roslyn's control flow graph, iterated to a fixed point. The state on entry
/// to a block is the join of its predecessors' exits, each seen through the edge (a branch's condition is a fact
/// on its taken edge; an edge the facts rule out carries nothing). Subclasses give the lattice; <see cref="Run"/>
/// then replays each block once, with the final states, so diagnostics are reported once per construct.
/// </summary>
internal abstract class ForwardFlow<TState> where TState : class
{
    private const int MaxIterations = 10_000;

    /// <summary>Joins at one loop head before <see cref="Widen"/> steps in, so a loop's state stops growing.</summary>
    private const int JoinsBeforeWidening = 4;

    protected abstract TState Entry();

    /// <summary>The least upper bound at <paramref name="at"/>: what holds on entry when control arrives from either state.</summary>
    protected abstract TState Join(TState a, TState b, BasicBlock at);

    /// <summary>At a block whose entry keeps changing (a loop head): a state above both that the iteration cannot climb forever.</summary>
    protected virtual TState Widen(TState previous, TState next, BasicBlock at) => next;

    protected abstract bool Same(TState a, TState b);

    protected abstract TState Copy(TState state);

    /// <summary>Applies the block's operations to <paramref name="state"/> (which it may change), reporting when asked.</summary>
    protected abstract void Transfer(BasicBlock block, TState state, bool report);

    /// <summary>The state along the edge from <paramref name="block"/> (null: the edge cannot be taken); <paramref name="conditionValue"/> is the branch value on that edge, null when unconditional.</summary>
    protected virtual TState? Edge(BasicBlock block, TState state, bool? conditionValue) => state;

    public void Run(ControlFlowGraph graph)
    {
        var entry = Solve(graph, Entry());
        for (int i = 0; i < entry.Length; i++)
        {
            if (entry[i] is { } state)
                Transfer(graph.Blocks[i], Copy(state), report: true);
        }
    }

    /// <summary>The fixed point: each block's entry state, null for a block no path reaches.</summary>
    protected TState?[] Solve(ControlFlowGraph graph, TState start)
    {
        var blocks = graph.Blocks;
        var entry = new TState?[blocks.Length];
        var joins = new int[blocks.Length];
        entry[0] = start;
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
                if (Edge(block, Copy(state), value) is not { } incoming)
                    continue;
                int target = successor.Ordinal;
                var merged = incoming;
                if (entry[target] is { } previous)
                {
                    merged = Join(previous, incoming, successor);
                    if (Same(previous, merged))
                        continue;
                    // A loop head is the target of an edge that goes back in block order: every cycle has one.
                    if (target <= index && ++joins[target] > JoinsBeforeWidening)
                    {
                        merged = Widen(previous, merged, successor);
                        if (Same(previous, merged))
                            continue;
                    }
                }
                entry[target] = merged;
                if (!queued[target])
                {
                    queued[target] = true;
                    work.Enqueue(target);
                }
            }
        }
        return entry;
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
