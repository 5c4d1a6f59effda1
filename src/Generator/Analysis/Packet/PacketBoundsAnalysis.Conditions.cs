using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// Branch conditions: what an edge proves. A packet pointer compared with DataEnd proves bytes (the verifier's
/// find_good_pkt_pointers); integers compared narrow their ranges (reg_set_min_max); an edge whose ranges are
/// empty is not taken (is_branch_taken); a call to a followed method that returns bool brings the state of its
/// returns of that value.
/// </summary>
internal sealed partial class PacketBoundsAnalysis
{
    private PacketState? Refine(IOperation condition, bool value, PacketState state)
    {
        var stripped = OperationFacts.Strip(condition);
        if (stripped is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            return Refine(not.Operand, !value, state);
        if (stripped is IInvocationOperation && _outcomes.TryGetValue(stripped, out var outcomes))
            return (value ? outcomes.WhenTrue : outcomes.WhenFalse)?.Copy();
        if (ValueOf(stripped) is { Int: { IsConstant: true } constant })
            return (constant.Lo != 0) == value ? state : null;
        if (stripped is not IBinaryOperation compare || Relation(compare.OperatorKind) is not { } relation)
            return state;
        if (!value)
            relation = Negate(relation);

        var left = ValueOf(compare.LeftOperand);
        var right = ValueOf(compare.RightOperand);
        if (left.Pointer is { IsEnd: false } pointer && right.Pointer is { IsEnd: true })
            ProveInside(pointer, relation, state);
        else if (left.Pointer is { IsEnd: true } && right.Pointer is { IsEnd: false } other)
            ProveInside(other, Swap(relation), state);
        else if (left.Int is { } a && right.Int is { } b)
            return Narrow(compare.LeftOperand, a, compare.RightOperand, b, relation, state);
        return state;
    }

    private AbstractValue ValueOf(IOperation operation) =>
        _values.TryGetValue(operation, out var value) ? value : AbstractValue.None;

    private enum Rel { Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual }

    private static Rel? Relation(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => Rel.Less,
        BinaryOperatorKind.LessThanOrEqual => Rel.LessOrEqual,
        BinaryOperatorKind.GreaterThan => Rel.Greater,
        BinaryOperatorKind.GreaterThanOrEqual => Rel.GreaterOrEqual,
        BinaryOperatorKind.Equals => Rel.Equal,
        BinaryOperatorKind.NotEquals => Rel.NotEqual,
        _ => null,
    };

    private static Rel Negate(Rel relation) => relation switch
    {
        Rel.Less => Rel.GreaterOrEqual,
        Rel.LessOrEqual => Rel.Greater,
        Rel.Greater => Rel.LessOrEqual,
        Rel.GreaterOrEqual => Rel.Less,
        Rel.Equal => Rel.NotEqual,
        _ => Rel.Equal,
    };

    /// <summary>The same fact with the operands swapped: <c>a &lt; b</c> is <c>b &gt; a</c>.</summary>
    private static Rel Swap(Rel relation) => relation switch
    {
        Rel.Less => Rel.Greater,
        Rel.LessOrEqual => Rel.GreaterOrEqual,
        Rel.Greater => Rel.Less,
        Rel.GreaterOrEqual => Rel.LessOrEqual,
        _ => relation,
    };

    /// <summary>
    /// <c>pointer &lt;= end</c> proves the bytes before the pointer; <c>pointer &lt; end</c> one more (the verifier's
    /// right-open range, and nothing at offset 0). Only for an offset that is not negative, and a pointer whose
    /// distance from the packet's start is bounded by MAX_PACKET_OFF.
    /// </summary>
    private static void ProveInside(PacketPointer pointer, Rel relation, PacketState state)
    {
        bool open = relation == Rel.Less;
        if (!open && relation != Rel.LessOrEqual)
            return;
        foreach (var view in pointer.Views)
        {
            if (view.Lo < 0 || (open && view.Lo == 0) || view.Hi + view.VarMax > PacketView.MaxPacketOffset)
                continue;
            state.Prove(view.Id, open ? view.Lo + 1 : view.Lo, open ? view.Sym?.Plus(1) : view.Sym);
        }
    }

    /// <summary>Narrows the ranges of compared integers held in locals (through widening conversions only); null when no values satisfy the relation.</summary>
    private PacketState? Narrow(IOperation leftOperand, IntRange left, IOperation rightOperand, IntRange right, Rel relation, PacketState state)
    {
        var (newLeft, newRight) = relation switch
        {
            Rel.Less => (left with { Hi = Math.Min(left.Hi, right.Hi - 1) }, right with { Lo = Math.Max(right.Lo, left.Lo + 1) }),
            Rel.LessOrEqual => (left with { Hi = Math.Min(left.Hi, right.Hi) }, right with { Lo = Math.Max(right.Lo, left.Lo) }),
            Rel.Greater => (left with { Lo = Math.Max(left.Lo, right.Lo + 1) }, right with { Hi = Math.Min(right.Hi, left.Hi - 1) }),
            Rel.GreaterOrEqual => (left with { Lo = Math.Max(left.Lo, right.Lo) }, right with { Hi = Math.Min(right.Hi, left.Hi) }),
            Rel.Equal => (left with { Lo = Math.Max(left.Lo, right.Lo), Hi = Math.Min(left.Hi, right.Hi) },
                right with { Lo = Math.Max(left.Lo, right.Lo), Hi = Math.Min(left.Hi, right.Hi) }),
            _ => (Exclude(left, right), Exclude(right, left)),
        };
        if (newLeft.Lo > newLeft.Hi || newRight.Lo > newRight.Hi)
            return null;
        if (NarrowedKey(leftOperand) is { } leftKey)
            state.Refine(leftKey, AbstractValue.Of(Stored(state, leftKey, newLeft)));
        if (NarrowedKey(rightOperand) is { } rightKey)
            state.Refine(rightKey, AbstractValue.Of(Stored(state, rightKey, newRight)));
        return state;
    }

    /// <summary>A narrowed range as the key keeps it: its own symbolic form, not the one its read was given.</summary>
    private static IntRange Stored(PacketState state, object key, IntRange narrowed) =>
        narrowed with { Sym = state.Ints.TryGetValue(key, out var stored) ? stored.Sym : null };

    /// <summary><c>x != c</c> trims c off an end of x's range.</summary>
    private static IntRange Exclude(IntRange value, IntRange other)
    {
        if (!other.IsConstant) return value;
        if (value.Lo == other.Lo) return value with { Lo = value.Lo + 1 };
        if (value.Hi == other.Lo) return value with { Hi = value.Hi - 1 };
        return value;
    }

    /// <summary>The local a compared operand reads, when the comparison sees its value unchanged (no narrowing conversion between).</summary>
    private object? NarrowedKey(IOperation operand)
    {
        while (operand is IConversionOperation { Conversion.IsImplicit: true, Conversion.IsNumeric: true } or IConversionOperation { Conversion.IsIdentity: true } or IParenthesizedOperation)
            operand = operand is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operand).Operand;
        return operand is ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation ? KeyOf(operand) : null;
    }
}
