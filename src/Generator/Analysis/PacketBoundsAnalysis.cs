using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// BPF0201: a pointer into the packet (derived from the context's <c>Data</c>) may only be dereferenced where a
/// comparison with <c>DataEnd</c> has proven, on every path, that the bytes read lie inside the packet. Like the
/// verifier, it tracks each packet pointer's constant offset from the packet's start, and how many bytes from the
/// start a taken comparison has proven; a variable offset cannot be proven.
/// </summary>
internal sealed class PacketBoundsAnalysis : ForwardFlow<PacketBoundsAnalysis.State>
{
    /// <summary>A packet pointer: the end marker, or a start-derived pointer at a constant (or unknown) offset.</summary>
    internal readonly record struct Pointer(bool IsEnd, long? Offset);

    internal sealed class State
    {
        public Dictionary<object, Pointer> Pointers { get; } = new();
        public long Proven { get; set; }
    }

    private readonly DiagnosticSink _sink;

    private PacketBoundsAnalysis(DiagnosticSink sink) => _sink = sink;

    public static void Analyze(ControlFlowGraph graph, DiagnosticSink sink) => new PacketBoundsAnalysis(sink).Run(graph);

    protected override State Entry() => new();

    protected override State Join(State a, State b)
    {
        var joined = new State { Proven = System.Math.Min(a.Proven, b.Proven) };
        foreach (var pair in a.Pointers)
            joined.Pointers[pair.Key] = b.Pointers.TryGetValue(pair.Key, out var other) && other != pair.Value ? pair.Value with { Offset = null } : pair.Value;
        foreach (var pair in b.Pointers)
            if (!joined.Pointers.ContainsKey(pair.Key)) joined.Pointers[pair.Key] = pair.Value;
        return joined;
    }

    protected override bool Same(State a, State b) =>
        a.Proven == b.Proven && a.Pointers.Count == b.Pointers.Count
        && a.Pointers.All(p => b.Pointers.TryGetValue(p.Key, out var q) && q == p.Value);

    protected override State Copy(State state)
    {
        var copy = new State { Proven = state.Proven };
        foreach (var pair in state.Pointers) copy.Pointers[pair.Key] = pair.Value;
        return copy;
    }

    protected override void Transfer(BasicBlock block, State state, bool report)
    {
        foreach (var operation in block.Operations)
            Apply(operation, state, report);
        if (block.BranchValue is { } branch)
            Apply(branch, state, report);
    }

    protected override State Edge(BasicBlock block, State state, bool? conditionValue)
    {
        if (conditionValue is { } value && block.BranchValue is { } branch && ProvenBy(branch, value, state) is { } proven)
            state.Proven = System.Math.Max(state.Proven, proven);
        return state;
    }

    private void Apply(IOperation root, State state, bool report)
    {
        if (report)
        {
            foreach (var operation in root.DescendantsAndSelf())
                CheckAccess(operation, state);
        }

        foreach (var operation in root.DescendantsAndSelf().Reverse())
        {
            (object Key, IOperation Value)? definition = operation switch
            {
                ISimpleAssignmentOperation a when OperationFacts.KeyOf(a.Target) is { } k => (k, a.Value),
                IFlowCaptureOperation c => (c.Id, c.Value),
                IVariableDeclaratorOperation { Initializer: { } init } d => (d.Symbol, init.Value),
                _ => null,
            };
            if (definition is not var (key, value))
                continue;
            if (ValueOf(value, state) is { } pointer) state.Pointers[key] = pointer;
            else state.Pointers.Remove(key);
        }
    }

    /// <summary>Reports a dereference of a packet pointer (the outermost operation of its cast chain) that lies beyond the proven bytes.</summary>
    private void CheckAccess(IOperation operation, State state)
    {
        if (operation.Parent is IConversionOperation or IParenthesizedOperation)
            return;
        if (OperationFacts.DereferenceOf(operation.Syntax) is not { } dereference)
            return;
        if (ValueOf(operation, state) is not { IsEnd: false } pointer)
            return;

        long? end = pointer.Offset + AccessSize(operation, dereference);
        if (end is { } e && e <= state.Proven)
            return;
        string need = end?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "an unknown offset";
        string baseName = state.Pointers.FirstOrDefault(p => p.Value is { IsEnd: false, Offset: 0 } && p.Key is ILocalSymbol).Key is ILocalSymbol start ? start.Name : "ctx.Data";
        string bound = end is { } b2 ? $"{baseName} + {b2}" : operation.Syntax.ToString();
        _sink.Add(DiagnosticDescriptors.PacketOutOfBounds, dereference, dereference.ToString(), need, state.Proven, bound);
    }

    /// <summary>Bytes a dereference reads from its pointer: the pointee, a field of it, or an element at a constant index.</summary>
    private static long? AccessSize(IOperation pointer, ExpressionSyntax dereference)
    {
        var pointee = (pointer.Type as IPointerTypeSymbol)?.PointedAtType;
        long? size = TypeLayout.SizeOf(pointee);
        switch (dereference)
        {
            case MemberAccessExpressionSyntax:
                for (var up = pointer.Parent; up is not null; up = up.Parent)
                {
                    if (up.Syntax == dereference && up is IFieldReferenceOperation field && TypeLayout.FieldOf(field.Field) is { } f)
                        return f.Offset + f.Size;
                }
                return size;
            case ElementAccessExpressionSyntax element:
                if (element.ArgumentList.Arguments.Count != 1) return null;
                for (var up = pointer.Parent; up is not null; up = up.Parent)
                {
                    if (up.Syntax != dereference) continue;
                    var index = up.ChildOperations.Skip(1).FirstOrDefault();
                    if (index?.ConstantValue is { HasValue: true, Value: var v } && v is not null && size is { } s)
                        return (System.Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) + 1) * s;
                    return null;
                }
                return null;
            default:
                return size;
        }
    }

    /// <summary>What a value is as a packet pointer: Data, DataEnd, a tracked local, or one of those plus a constant.</summary>
    private static Pointer? ValueOf(IOperation value, State state)
    {
        var stripped = OperationFacts.Strip(value);
        if (MemberOf(stripped) is { } member)
        {
            if (IsPacketMember(member, start: true)) return new Pointer(false, 0);
            if (IsPacketMember(member, start: false)) return new Pointer(true, null);
            return null;
        }
        if (OperationFacts.KeyOf(stripped) is { } key)
            return state.Pointers.TryGetValue(key, out var tracked) ? tracked : null;
        if (stripped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } arithmetic
            && ValueOf(arithmetic.LeftOperand, state) is { IsEnd: false } left)
        {
            long? step = TypeLayout.SizeOf((arithmetic.LeftOperand.Type as IPointerTypeSymbol)?.PointedAtType);
            var delta = arithmetic.RightOperand.ConstantValue;
            if (step is null || !delta.HasValue || delta.Value is null || delta.Value is string)
                return left with { Offset = null };
            long d = System.Convert.ToInt64(delta.Value, System.Globalization.CultureInfo.InvariantCulture) * step.Value;
            return left with { Offset = left.Offset + (arithmetic.OperatorKind == BinaryOperatorKind.Add ? d : -d) };
        }
        return null;
    }

    private static ISymbol? MemberOf(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation p => p.Property,
        IFieldReferenceOperation f => f.Field,
        IInvocationOperation i => i.TargetMethod,
        _ => null,
    };

    internal static bool IsPacketMember(ISymbol member, bool start)
    {
        if (OperationFacts.HasAttribute(member.OriginalDefinition, start ? "BpfPacketStartAttribute" : "BpfPacketEndAttribute"))
            return true;
        // The kernel contexts' own members, even if their declarations lose the attribute.
        return OperationFacts.IsInBpfNamespace(member.ContainingType)
            && member.ContainingType.Name is "XdpContext" or "SkbContext"
            && member.Name == (start ? "Data" : "DataEnd");
    }

    /// <summary>Bytes from the packet's start that the edge of <paramref name="condition"/> with <paramref name="value"/> proves, if any.</summary>
    private static long? ProvenBy(IOperation condition, bool value, State state)
    {
        var stripped = OperationFacts.Strip(condition);
        if (stripped is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            return ProvenBy(not.Operand, !value, state);
        if (stripped is not IBinaryOperation compare)
            return null;
        var left = ValueOf(compare.LeftOperand, state);
        var right = ValueOf(compare.RightOperand, state);
        var kind = compare.OperatorKind;
        if (left is { IsEnd: false, Offset: { } lo } && right is { IsEnd: true })
        {
            // ptr > end / ptr >= end false, or ptr <= end / ptr < end true: ptr is not past the end.
            bool inside = kind switch
            {
                BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual => !value,
                BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual => value,
                _ => false,
            };
            return inside ? lo : null;
        }
        if (left is { IsEnd: true } && right is { IsEnd: false, Offset: { } ro })
        {
            bool inside = kind switch
            {
                BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual => !value,
                BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual => value,
                _ => false,
            };
            return inside ? ro : null;
        }
        return null;
    }
}
