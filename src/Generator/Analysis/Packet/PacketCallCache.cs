using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace BpfSharp.Generator.Analysis;

/// <summary>A followed callee solved from one entry state: its blocks' states and its exits (null: it never returns that way).</summary>
internal sealed record CallSummary(PacketState?[] Entries, PacketState? Exit, PacketState? WhenTrue, PacketState? WhenFalse);

/// <summary>Summaries of followed callees by graph and entry state, shared by every analysis of a class.</summary>
internal sealed class PacketCallCache
{
    private const int MaxPerCallee = 64;

    private readonly Dictionary<ControlFlowGraph, List<(PacketState Entry, CallSummary Summary)>> _summaries = new();

    public CallSummary? Find(ControlFlowGraph graph, PacketState entry)
    {
        if (_summaries.TryGetValue(graph, out var list))
        {
            foreach (var (known, summary) in list)
            {
                if (known.Same(entry))
                    return summary;
            }
        }
        return null;
    }

    public void Add(ControlFlowGraph graph, PacketState entry, CallSummary summary)
    {
        if (!_summaries.TryGetValue(graph, out var list))
            _summaries[graph] = list = new List<(PacketState, CallSummary)>();
        if (list.Count >= MaxPerCallee)
            list.RemoveAt(0);
        list.Add((entry.Copy(), summary));
    }
}
