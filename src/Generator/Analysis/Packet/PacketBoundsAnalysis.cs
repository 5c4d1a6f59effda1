using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// BPF0201: a pointer into the packet may only be dereferenced where a comparison with DataEnd has proven, on
/// every path, that the bytes lie inside the packet. Each decision follows the verifier's own model of packet
/// pointers (kernel/bpf/verifier.c): a pointer is an origin (id), a fixed offset and a proven range; adding a
/// constant, or a loop counter the verifier sees as a constant on each path, moves the offset and keeps the range;
/// adding any other bounded value starts a new origin with nothing proven, so only a check on that pointer (or one
/// derived from it by constants) proves its bytes; a comparison <c>ptr + n &lt;= end</c> proves n bytes past the
/// origin for every pointer sharing it; a fresh read of Data proves nothing; a helper that moves the packet
/// invalidates every packet pointer. Calls to source methods are followed, as the verifier follows a BPF-to-BPF call.
/// </summary>
internal sealed partial class PacketBoundsAnalysis : ForwardFlow<PacketState>
{
    /// <summary>Nested calls followed before a call is taken as opaque.</summary>
    private const int MaxCallDepth = 8;

    private readonly ControlFlowGraph _graph;
    private readonly MethodGraphs _graphs;
    private readonly PacketState _start;
    private readonly DiagnosticSink? _sink;
    private readonly CallSite? _callSite;
    private readonly int _depth;

    /// <summary>Values of the operations of the block last transferred: the branch's operands, read again by <see cref="Edge"/>.</summary>
    private readonly Dictionary<IOperation, AbstractValue> _values = new();

    /// <summary>Dereferences whose pointer is evaluated and whose access (field, element) is not yet.</summary>
    private readonly Dictionary<SyntaxNode, (PacketPointer Pointer, IOperation Operand)> _pending = new();

    private bool _report;

    private PacketBoundsAnalysis(ControlFlowGraph graph, MethodGraphs graphs, PacketState start, DiagnosticSink? sink, CallSite? callSite, int depth)
    {
        _graph = graph;
        _graphs = graphs;
        _start = start;
        _sink = sink;
        _callSite = callSite;
        _depth = depth;
    }

    /// <summary>Dereferences that fail on their own (whatever the callers pass), each reported once where it is.</summary>
    public HashSet<SyntaxNode> Failures { get; } = new();

    public static void Analyze(ControlFlowGraph graph, MethodGraphs graphs, DiagnosticSink sink) =>
        new PacketBoundsAnalysis(graph, graphs, new PacketState(), sink, null, 0).Run(graph);

    /// <summary>The dereferences of a method that fail with nothing known of its parameters.</summary>
    internal static HashSet<SyntaxNode> FailuresOf(ControlFlowGraph graph, MethodGraphs graphs)
    {
        var analysis = new PacketBoundsAnalysis(graph, graphs, new PacketState(), null, null, 0);
        analysis.Run(graph);
        return analysis.Failures;
    }

    protected override PacketState Entry() => _start.Copy();

    protected override PacketState Join(PacketState a, PacketState b, BasicBlock at) => PacketState.Join(a, b, _graph, at.Ordinal);

    protected override PacketState Widen(PacketState previous, PacketState next, BasicBlock at) => PacketState.Widen(previous, next);

    protected override bool Same(PacketState a, PacketState b) => a.Same(b);

    protected override PacketState Copy(PacketState state) => state.Copy();

    protected override void Transfer(BasicBlock block, PacketState state, bool report)
    {
        _values.Clear();
        _outcomes.Clear();
        _pending.Clear();
        _report = report;
        foreach (var operation in block.Operations)
            Evaluate(operation, state);
        if (block.BranchValue is { } branch)
            Evaluate(branch, state);
        foreach (var pair in _pending)
            CheckAccess(pair.Key, pair.Value.Pointer, pair.Value.Operand, null, state);
        _pending.Clear();
    }

    protected override PacketState? Edge(BasicBlock block, PacketState state, bool? conditionValue) =>
        conditionValue is { } value && block.BranchValue is { } branch ? Refine(branch, value, state) : state;

    /// <summary>A flow capture is keyed by its graph too: a followed call's temporaries must not meet the caller's.</summary>
    private object? KeyOf(IOperation operation) => OperationFacts.KeyOf(operation is IDeclarationExpressionOperation declaration ? declaration.Expression : operation) switch
    {
        CaptureId id => new CaptureKey(_graph, id),
        var key => key,
    };

    private sealed record CaptureKey(ControlFlowGraph Graph, CaptureId Id);
}
