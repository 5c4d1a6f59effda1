using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// Calls to source methods, followed as the verifier follows a BPF-to-BPF call (and as the compiler inlines small
/// ones). The callee runs on its parameters bound to the arguments and, for each origin the caller's pointers have,
/// a probe: what the callee proves for that origin on every path comes back to every caller pointer of it (the
/// verifier marks registers in all frames). A pointer it returns (or sets through ref/out) keeps what it proved; a
/// method returning bool brings the state of its returns of each value to the caller's branch on it. Summaries are
/// kept per callee and entry state, so a call inside loops is not solved again for the same arguments.
/// </summary>
internal sealed partial class PacketBoundsAnalysis
{
    /// <summary>A followed call: the callee's reports go to <see cref="Invocation"/>, except the accesses that fail whatever the caller passes (<see cref="Skip"/>), reported in the callee itself.</summary>
    private sealed record CallSite(IInvocationOperation Invocation, PacketBoundsAnalysis Caller, IMethodSymbol Callee, HashSet<SyntaxNode> Skip, PacketState CallerState);

    /// <summary>Stands for a caller's origin inside a callee.</summary>
    private sealed record Probe(object Id);

    /// <summary>An origin only a helper that moves the packet can take away: tells the caller the callee invalidated its pointers.</summary>
    private static readonly object Untouchable = new Probe(new object());

    /// <summary>An origin the callee created (a variable offset, a join), renamed per call site so two calls' results never share it.</summary>
    private sealed record CallOrigin(IOperation Call, object Inner);

    private static readonly object ReturnKey = new();

    /// <summary>Branch states of followed calls to methods returning bool, by the call.</summary>
    private readonly Dictionary<IOperation, (PacketState? WhenTrue, PacketState? WhenFalse)> _outcomes = new();

    private AbstractValue Call(IInvocationOperation invocation, PacketState state)
    {
        var target = invocation.TargetMethod;
        if (_depth >= MaxCallDepth || IsOnStack(target) || _graphs.GraphOf(target) is not { } graph)
            return TypeRange(invocation.Type);

        var entry = new PacketState();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter)
                entry.Set(parameter, parameter.RefKind == RefKind.Out ? AbstractValue.None : ValueOf(argument.Value));
        }
        var origins = new HashSet<object> { PacketOrigin.Start };
        foreach (var view in state.Pointers.Values.Concat(entry.Pointers.Values).SelectMany(p => p.Views))
            origins.Add(view.Id);
        foreach (var id in origins)
            entry.Pointers[new Probe(id)] = PacketPointer.Of(new PacketView(id, 0, 0, 0, 0));
        entry.Pointers[Untouchable] = PacketPointer.Of(new PacketView(Untouchable, 0, 0, 0, 0));

        var summary = _graphs.PacketCalls.Find(graph, entry);
        if (summary is null)
        {
            var solver = new PacketBoundsAnalysis(graph, _graphs, entry, null, new CallSite(invocation, this, target, new HashSet<SyntaxNode>(), state), _depth + 1);
            summary = solver.Summarize(graph, entry);
            _graphs.PacketCalls.Add(graph, entry, summary);
        }
        if (_report)
        {
            var site = new CallSite(invocation, this, target, _graphs.FailuresOf(target), state.Copy());
            new PacketBoundsAnalysis(graph, _graphs, entry, _sink, site, _depth + 1).Replay(graph, summary.Entries);
        }
        if (summary.Exit is not { } exit)
            return TypeRange(invocation.Type);

        // What was this call's is no longer: the call creates its origins again.
        state.RetireWhere(id => id is CallOrigin origin && origin.Call == invocation);
        if (target.ReturnType.SpecialType == SpecialType.System_Boolean)
            _outcomes[invocation] = (Back(state.Copy(), summary.WhenTrue, invocation, graph, origins), Back(state.Copy(), summary.WhenFalse, invocation, graph, origins));
        Back(state, exit, invocation, graph, origins);
        var result = Rename(exit.Get(ReturnKey), invocation, graph, origins);
        return result.Pointer is null && result.Int is null ? TypeRange(invocation.Type) : result;
    }

    /// <summary>The callee's effect on the caller's <paramref name="state"/>: proven ranges and retired origins through the probes, and ref and out arguments; null for a branch the callee never takes.</summary>
    private PacketState? Back(PacketState state, PacketState? exit, IInvocationOperation invocation, ControlFlowGraph graph, HashSet<object> origins)
    {
        if (exit is null)
            return null;
        if (exit.Pointers.TryGetValue(Untouchable, out var untouchable) && untouchable.Views.Count == 0)
            state.InvalidatePackets();
        foreach (var pair in exit.Pointers)
        {
            if (pair.Key is not Probe { Id: var id } || pair.Key == Untouchable)
                continue;
            if (pair.Value.Views.FirstOrDefault(v => v.Id.Equals(id) && v.Lo == 0 && v.Hi == 0) is { Id: not null } proven)
                state.Prove(id, proven.Range, Outside(proven.SymRange, invocation, graph));
            else
                state.Retire(id);
        }
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { RefKind: not RefKind.None } parameter && KeyOf(argument.Value) is { } key)
                state.Set(key, Rename(exit.Get(parameter), invocation, graph, origins));
        }
        return state;
    }

    /// <summary>
    /// A value from the callee with the origins it created (those the caller did not pass in) renamed for this call
    /// site, and without facts in terms of the callee's own locals, which mean nothing once it returns.
    /// </summary>
    private static AbstractValue Rename(AbstractValue value, IInvocationOperation invocation, ControlFlowGraph graph, HashSet<object> origins)
    {
        if (value.Int is { } range)
            return AbstractValue.Of(range with { Sym = Outside(range.Sym, invocation, graph) });
        if (value.Pointer is not { IsEnd: false } pointer)
            return value;
        return AbstractValue.Of(pointer.Select(v => (origins.Contains(v.Id) ? v : v with { Id = new CallOrigin(invocation, v.Id) })
            with { Sym = Outside(v.Sym, invocation, graph), SymRange = Outside(v.SymRange, invocation, graph) }));
    }

    /// <summary>The fact, unless it is in terms of a local, parameter or temporary of the called method.</summary>
    private static Linear? Outside(Linear? fact, IInvocationOperation invocation, ControlFlowGraph graph)
    {
        var callee = invocation.TargetMethod.OriginalDefinition;
        return fact?.Key switch
        {
            ISymbol symbol when SymbolEqualityComparer.Default.Equals(symbol.ContainingSymbol?.OriginalDefinition, callee) => null,
            CaptureKey capture when capture.Graph == graph => null,
            _ => fact,
        };
    }

    /// <summary>The callee solved from <paramref name="entry"/>: its block states, and its exit state, with the returned value under <see cref="ReturnKey"/>, overall and for each value of a bool it returns.</summary>
    private CallSummary Summarize(ControlFlowGraph graph, PacketState entry)
    {
        var entries = Solve(graph, entry);
        PacketState? exit = null, whenTrue = null, whenFalse = null;
        int exitOrdinal = graph.Blocks.Length - 1;
        foreach (var path in Returns(graph, entries))
        {
            var returned = path.Returned;
            whenTrue = JoinExits(whenTrue, With(path.WhenTrue, returned), graph, exitOrdinal);
            whenFalse = JoinExits(whenFalse, With(path.WhenFalse, returned), graph, exitOrdinal);
            exit = JoinExits(exit, With(path.After, returned), graph, exitOrdinal);
        }
        return new CallSummary(entries, exit, whenTrue, whenFalse);
    }

    private static PacketState? With(PacketState? state, AbstractValue returned)
    {
        state?.Set(ReturnKey, returned);
        return state;
    }

    private sealed record ReturnPath(PacketState After, AbstractValue Returned, PacketState? WhenTrue, PacketState? WhenFalse);

    /// <summary>
    /// Each way the callee returns: the state there, the value returned and, for a condition, the states where it is
    /// true and false. A return of a temporary its predecessors set (how <c>return a &amp;&amp; b;</c> is lowered)
    /// is taken from each predecessor, so each keeps its own condition.
    /// </summary>
    private List<ReturnPath> Returns(ControlFlowGraph graph, PacketState?[] entries)
    {
        var paths = new List<ReturnPath>();
        for (int i = 0; i < entries.Length; i++)
        {
            var block = graph.Blocks[i];
            if (entries[i] is not { } start || block.Kind == BasicBlockKind.Exit || block.FallThroughSuccessor?.Destination?.Kind != BasicBlockKind.Exit)
                continue;
            if (block.Operations.IsEmpty && block.BranchValue is IFlowCaptureReferenceOperation { Id: var id }
                && block.Predecessors.All(p => p.Source.Operations.OfType<IFlowCaptureOperation>().Any(c => c.Id.Equals(id))))
            {
                foreach (var branch in block.Predecessors)
                {
                    var from = branch.Source;
                    if (entries[from.Ordinal] is not { } before)
                        continue;
                    var state = before.Copy();
                    Transfer(from, state, report: false);
                    var captured = from.Operations.OfType<IFlowCaptureOperation>().Last(c => c.Id.Equals(id)).Value;
                    bool? taken = from.ConditionKind == ControlFlowConditionKind.None ? null
                        : branch.IsConditionalSuccessor == (from.ConditionKind == ControlFlowConditionKind.WhenTrue);
                    var returned = ValueOf(captured);
                    if ((taken is { } value ? Edge(from, state, value) : state) is { } along)
                        paths.Add(Path(along, returned, captured));
                }
                continue;
            }
            var after = start.Copy();
            Transfer(block, after, report: false);
            paths.Add(Path(after, block.BranchValue is { } result ? ValueOf(result) : AbstractValue.None, block.BranchValue));
        }
        return paths;
    }

    /// <summary>A return path; its condition's operands are read from the values of the block just transferred.</summary>
    private ReturnPath Path(PacketState after, AbstractValue returned, IOperation? condition) =>
        condition is not null && condition.Type?.SpecialType == SpecialType.System_Boolean
            ? new ReturnPath(after, returned, Refine(condition, true, after.Copy()), Refine(condition, false, after.Copy()))
            : new ReturnPath(after, returned, null, null);

    private static PacketState? JoinExits(PacketState? joined, PacketState? next, ControlFlowGraph graph, int exit) =>
        next is null ? joined : joined is null ? next : PacketState.Join(joined, next, graph, exit);

    /// <summary>Whether the callee is already being followed, or is a method this analysis started from (recursion is its own error).</summary>
    private bool IsOnStack(IMethodSymbol target)
    {
        for (var analysis = this; analysis is not null; analysis = analysis._callSite?.Caller)
        {
            if (_graphs.IsRoot(analysis._graph, target))
                return true;
        }
        return false;
    }

    /// <summary>The final pass over a followed callee, reporting (to the call site) what fails with this caller's arguments.</summary>
    private void Replay(ControlFlowGraph graph, PacketState?[] entries)
    {
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i] is { } state)
                Transfer(graph.Blocks[i], state.Copy(), report: true);
        }
    }
}
