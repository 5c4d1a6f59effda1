using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Diagnostics;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// BPF0200: a pointer that may be null (a map lookup, a ring buffer reservation, anything returned under
/// <c>[return: BpfMayBeNull]</c>) must be compared with null on every path before it is dereferenced, offset
/// or passed on, just as the verifier demands of a <c>map_value_or_null</c> register. The state is the set of
/// locals and temporaries that may still be null.
/// </summary>
internal sealed class NullCheckAnalysis : ForwardFlow<HashSet<object>>
{
    private readonly IMethodSymbol _method;
    private readonly DiagnosticSink _sink;

    private NullCheckAnalysis(IMethodSymbol method, DiagnosticSink sink)
    {
        _method = method;
        _sink = sink;
    }

    public static void Analyze(IMethodSymbol method, ControlFlowGraph graph, DiagnosticSink sink) =>
        new NullCheckAnalysis(method, sink).Run(graph);

    /// <summary>Whether a call's result may be null: marked so, or a map's Lookup / a ring buffer's Reserve.</summary>
    public static bool MayReturnNull(IMethodSymbol method)
    {
        var original = method.OriginalDefinition;
        if (original.GetReturnTypeAttributes().Any(a => a.AttributeClass?.Name == "BpfMayBeNullAttribute"))
            return true;
        if (original.ReturnType.TypeKind != TypeKind.Pointer || !OperationFacts.IsInBpfNamespace(original.ContainingType))
            return false;
        return original.Name == "Lookup" || (original.Name == "Reserve" && original.ContainingType.Name == "RingBuffer");
    }

    protected override HashSet<object> Entry() =>
        new(_method.Parameters.Where(p => OperationFacts.HasAttribute(p, "BpfMayBeNullAttribute")));

    protected override HashSet<object> Join(HashSet<object> a, HashSet<object> b, BasicBlock at)
    {
        var union = new HashSet<object>(a);
        union.UnionWith(b);
        return union;
    }

    protected override bool Same(HashSet<object> a, HashSet<object> b) => a.SetEquals(b);

    protected override HashSet<object> Copy(HashSet<object> state) => new(state);

    protected override void Transfer(BasicBlock block, HashSet<object> state, bool report)
    {
        foreach (var operation in block.Operations)
            Apply(operation, state, report);
        if (block.BranchValue is { } branch)
            Apply(branch, state, report);
    }

    protected override HashSet<object> Edge(BasicBlock block, HashSet<object> state, bool? conditionValue)
    {
        if (conditionValue is { } value && block.BranchValue is { } branch && NullFact(branch) is var (key, nonNullWhen) && value == nonNullWhen)
            state.Remove(key);
        return state;
    }

    private void Apply(IOperation root, HashSet<object> state, bool report)
    {
        // Uses first (they read the state before this statement's assignments), then the assignments, innermost first.
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (OperationFacts.KeyOf(operation) is { } key && operation is not IConversionOperation && state.Contains(key) && IsUnsafeUse(operation, out var at))
            {
                if (report)
                    _sink.Add(DiagnosticDescriptors.MaybeNullDereference, at, NameOf(operation));
                state.Remove(key); // the verifier stops at the first; one report per pointer and path is enough
            }
        }

        foreach (var operation in root.DescendantsAndSelf().Reverse())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: var target } assignment when OperationFacts.KeyOf(target) is { } key:
                    Set(state, key, MayBeNull(assignment.Value, state));
                    break;
                case IFlowCaptureOperation capture:
                    Set(state, capture.Id, MayBeNull(capture.Value, state));
                    break;
                case IVariableDeclaratorOperation { Initializer: { } init } declarator:
                    Set(state, declarator.Symbol, MayBeNull(init.Value, state));
                    break;
            }
        }
    }

    private static void Set(HashSet<object> state, object key, bool maybeNull)
    {
        if (maybeNull) state.Add(key);
        else state.Remove(key);
    }

    private static bool MayBeNull(IOperation value, HashSet<object> state)
    {
        var stripped = OperationFacts.Strip(value);
        if (stripped is IInvocationOperation invocation)
            return MayReturnNull(invocation.TargetMethod);
        return OperationFacts.KeyOf(stripped) is { } key && state.Contains(key);
    }

    /// <summary>Whether this read of a maybe-null pointer needs it checked: a dereference, pointer arithmetic, an argument not marked [BpfMayBeNull], or a map call on it.</summary>
    private static bool IsUnsafeUse(IOperation reference, out SyntaxNode at)
    {
        at = reference.Syntax;
        if (OperationFacts.DereferenceOf(reference.Syntax) is { } dereference)
        {
            at = dereference;
            return true;
        }

        var consumer = OperationFacts.Consumer(reference, out var operand);
        switch (consumer)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } arithmetic:
                at = arithmetic.Syntax;
                return true;
            case IArgumentOperation { Parameter: { } parameter } argument:
                at = argument.Syntax;
                return !OperationFacts.HasAttribute(parameter, "BpfMayBeNullAttribute");
            case IInvocationOperation { Instance: { } instance } call when instance == operand:
                // A call on an inner map a map of maps' lookup returned: the map pointer goes to the helper.
                at = call.Syntax;
                return true;
            default:
                return false;
        }
    }

    /// <summary>For a branch condition <c>p == null</c>, <c>p != null</c>, <c>p is null</c>, <c>p is not null</c> (or its negation): the pointer and the condition value that proves it non-null.</summary>
    internal static (object Key, bool NonNullWhen)? NullFact(IOperation condition)
    {
        switch (OperationFacts.Strip(condition))
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return NullFact(not.Operand) is var (k, when) ? (k, !when) : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } compare:
            {
                bool notEquals = compare.OperatorKind == BinaryOperatorKind.NotEquals;
                if (OperationFacts.IsNullConstant(compare.RightOperand) && OperationFacts.KeyOf(compare.LeftOperand) is { } left)
                    return (left, notEquals);
                if (OperationFacts.IsNullConstant(compare.LeftOperand) && OperationFacts.KeyOf(compare.RightOperand) is { } right)
                    return (right, notEquals);
                return null;
            }
            case IIsPatternOperation { Pattern: IConstantPatternOperation constant } isNull when OperationFacts.IsNullConstant(constant.Value):
                return OperationFacts.KeyOf(isNull.Value) is { } key ? (key, false) : null;
            case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation constant } } isNotNull when OperationFacts.IsNullConstant(constant.Value):
                return OperationFacts.KeyOf(isNotNull.Value) is { } key2 ? (key2, true) : null;
            default:
                return null;
        }
    }

    private static string NameOf(IOperation reference) => OperationFacts.Strip(reference) switch
    {
        ILocalReferenceOperation l => l.Local.Name,
        IParameterReferenceOperation p => p.Parameter.Name,
        var other => other.Syntax.ToString(),
    };
}
