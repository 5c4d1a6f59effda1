using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// Calls to source methods, followed as the verifier follows a BPF-to-BPF call (and as the compiler inlines small
/// ones): the callee runs on the caller's state with its parameters bound to the arguments, so a check it makes
/// proves bytes for the caller's pointers, a pointer it returns keeps what it proved, and a method returning bool
/// brings the state of its returns of each value to the caller's branch on it.
/// </summary>
internal sealed partial class PacketBoundsAnalysis
{
    /// <summary>A followed call: the callee's reports go to <see cref="Invocation"/>, except the accesses that fail whatever the caller passes (<see cref="Skip"/>), reported in the callee itself.</summary>
    private sealed record CallSite(IInvocationOperation Invocation, PacketBoundsAnalysis Caller, IMethodSymbol Callee, HashSet<SyntaxNode> Skip, PacketState CallerState);

    private static readonly object ReturnKey = new();

    /// <summary>Branch states of followed calls to methods returning bool, by the call.</summary>
    private readonly Dictionary<IOperation, (PacketState? WhenTrue, PacketState? WhenFalse)> _outcomes = new();

    private AbstractValue Call(IInvocationOperation invocation, PacketState state)
    {
        var target = invocation.TargetMethod;
        if (_depth >= MaxCallDepth || IsOnStack(target) || _graphs.GraphOf(target) is not { } graph)
            return TypeRange(invocation.Type);

        var entry = state.Copy();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter)
                entry.Set(parameter, parameter.RefKind == RefKind.Out ? AbstractValue.None : ValueOf(argument.Value));
        }
        var site = new CallSite(invocation, this, target, _graphs.FailuresOf(target), state.Copy());
        var callee = new PacketBoundsAnalysis(graph, _graphs, entry, _sink, site, _depth + 1);
        var entries = callee.Solve(graph, entry);
        if (_report)
            callee.Replay(graph, entries);

        PacketState? exit = null, whenTrue = null, whenFalse = null;
        int exitOrdinal = graph.Blocks.Length - 1;
        foreach (var path in callee.Returns(graph, entries))
        {
            whenTrue = JoinExits(whenTrue, path.WhenTrue, graph, exitOrdinal);
            whenFalse = JoinExits(whenFalse, path.WhenFalse, graph, exitOrdinal);
            path.After.Set(ReturnKey, path.Returned);
            exit = JoinExits(exit, path.After, graph, exitOrdinal);
        }
        bool returnsBool = target.ReturnType.SpecialType == SpecialType.System_Boolean;
        if (exit is null)
            return TypeRange(invocation.Type);

        var result = exit.Get(ReturnKey);
        var callerKeys = new HashSet<object>(state.Pointers.Keys.Concat(state.Ints.Keys));
        state.ReplaceWith(BackToCaller(exit, callerKeys, invocation));
        if (returnsBool)
            _outcomes[invocation] = (whenTrue is null ? null : BackToCaller(whenTrue, callerKeys, invocation),
                whenFalse is null ? null : BackToCaller(whenFalse, callerKeys, invocation));
        return result.Pointer is null && result.Int is null ? TypeRange(invocation.Type) : result;
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

    /// <summary>The caller's own keys as the callee left them (their views, their proven ranges), and ref and out arguments as the callee set them.</summary>
    private PacketState BackToCaller(PacketState exit, HashSet<object> callerKeys, IInvocationOperation invocation)
    {
        var back = new PacketState();
        foreach (var pair in exit.Pointers)
        {
            if (callerKeys.Contains(pair.Key)) back.Pointers[pair.Key] = pair.Value;
        }
        foreach (var pair in exit.Ints)
        {
            if (callerKeys.Contains(pair.Key)) back.Ints[pair.Key] = pair.Value;
        }
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { RefKind: not RefKind.None } parameter && KeyOf(argument.Value) is { } key)
                back.Set(key, exit.Get(parameter));
        }
        return back;
    }

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
