using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>Expressions: what each operation yields as a packet pointer or an integer range, in evaluation order.</summary>
internal sealed partial class PacketBoundsAnalysis
{
    /// <summary>Helpers after which the verifier invalidates every packet pointer (bpf_helper_changes_pkt_data).</summary>
    private static readonly int[] PacketChangingHelpers = { 9, 10, 11, 13, 18, 19, 31, 38, 39, 43, 44, 50, 54, 63, 65, 73, 74, 75, 76, 90, 91 };

    private AbstractValue Evaluate(IOperation operation, PacketState state)
    {
        var value = Compute(operation, state);
        _values[operation] = value;
        Track(operation, value, state);
        return value;
    }

    private AbstractValue Compute(IOperation operation, PacketState state)
    {
        if (operation.ConstantValue is { HasValue: true } constant)
            return ConstantOf(constant.Value);
        switch (operation)
        {
            case IConversionOperation conversion:
                return Convert(Evaluate(conversion.Operand, state), conversion.Type);
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand, state);
            case ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation:
                return Read(state, KeyOf(operation)!, operation.Type);
            case IFlowCaptureOperation capture:
                state.Set(new CaptureKey(_graph, capture.Id), Evaluate(capture.Value, state));
                return AbstractValue.None;
            case ISimpleAssignmentOperation assignment:
                return Assign(assignment.Target, assignment.Value, state);
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                state.Set(declarator.Symbol, Evaluate(initializer.Value, state));
                return AbstractValue.None;
            case ICompoundAssignmentOperation compound:
                return Compound(compound, state);
            case IIncrementOrDecrementOperation increment:
                return Increment(increment, state);
            case IBinaryOperation binary:
                return Binary(binary.OperatorKind, Evaluate(binary.LeftOperand, state), Evaluate(binary.RightOperand, state),
                    binary.LeftOperand.Type, binary.Type, binary, state);
            case IUnaryOperation unary:
                return Unary(unary, Evaluate(unary.Operand, state));
            case ISizeOfOperation size:
                return TypeLayout.SizeOf(size.TypeOperand) is { } bytes ? AbstractValue.Of(IntRange.Constant(bytes)) : TypeRange(operation.Type);
            case IPropertyReferenceOperation or IFieldReferenceOperation or IInvocationOperation:
                return Member(operation, state);
            default:
                foreach (var child in operation.ChildOperations)
                    Evaluate(child, state);
                return TypeRange(operation.Type);
        }
    }

    private static AbstractValue ConstantOf(object? value) => value switch
    {
        bool b => AbstractValue.Of(IntRange.Constant(b ? 1 : 0)),
        char c => AbstractValue.Of(IntRange.Constant(c)),
        ulong u when u > long.MaxValue => AbstractValue.Of(new IntRange(0, IntRange.Infinity, true)),
        byte or sbyte or short or ushort or int or uint or long or ulong =>
            AbstractValue.Of(IntRange.Constant(System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture))),
        _ => AbstractValue.None,
    };

    private static AbstractValue TypeRange(ITypeSymbol? type) => IntRange.OfType(type) is { } range ? AbstractValue.Of(range) : AbstractValue.None;

    /// <summary>A local's value; an integer that is one constant per path is also itself, symbolically, so offsets built from it can be compared.</summary>
    private static AbstractValue Read(PacketState state, object key, ITypeSymbol? type)
    {
        var value = state.Get(key);
        if (value.Pointer is null && value.Int is null)
            return TypeRange(type);
        if (value.Int is { Exact: true, Sym: null } range)
            return AbstractValue.Of(range with { Sym = new Linear(key, 1, 0) });
        return value;
    }

    private static AbstractValue Convert(AbstractValue value, ITypeSymbol? type)
    {
        if (type is IPointerTypeSymbol)
            return value.Pointer is { } pointer ? AbstractValue.Of(pointer) : AbstractValue.None;
        if (IntRange.OfType(type) is { } range)
            return AbstractValue.Of(value.Int is { } known ? known.ConvertTo(type) : range);
        return AbstractValue.None;
    }

    private AbstractValue Assign(IOperation target, IOperation source, PacketState state)
    {
        if (KeyOf(target) is { } key && target is not IConversionOperation)
        {
            var value = Evaluate(source, state);
            state.Set(key, value);
            _values[target] = value;
            return value;
        }
        Evaluate(target, state);
        return Evaluate(source, state);
    }

    private AbstractValue Compound(ICompoundAssignmentOperation compound, PacketState state)
    {
        var current = Evaluate(compound.Target, state);
        var operand = Evaluate(compound.Value, state);
        var result = Binary(compound.OperatorKind, current, operand, compound.Target.Type, compound.Target.Type, compound, state);
        if (KeyOf(compound.Target) is { } key)
            state.Set(key, result);
        return result;
    }

    private AbstractValue Increment(IIncrementOrDecrementOperation increment, PacketState state)
    {
        var current = Evaluate(increment.Target, state);
        var kind = increment.Kind == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract;
        var result = Binary(kind, current, AbstractValue.Of(IntRange.Constant(1)), increment.Target.Type, increment.Target.Type, increment, state);
        if (KeyOf(increment.Target) is { } key)
            state.Set(key, result);
        return increment.IsPostfix ? current : result;
    }

    private AbstractValue Binary(BinaryOperatorKind kind, AbstractValue left, AbstractValue right, ITypeSymbol? leftType,
        ITypeSymbol? resultType, IOperation site, PacketState state)
    {
        if (kind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract)
        {
            if (left.Pointer is { } pointer && right.Int is { } delta)
                return AbstractValue.Of(Advance(pointer, delta, (leftType as IPointerTypeSymbol)?.PointedAtType, kind == BinaryOperatorKind.Subtract, site, state));
            if (left.Pointer is not null || right.Pointer is not null)
                return resultType is IPointerTypeSymbol ? AbstractValue.Of(PacketPointer.Lost) : TypeRange(resultType);
        }
        if (left.Int is not { } a || right.Int is not { } b)
            return TypeRange(resultType);
        IntRange? result = kind switch
        {
            BinaryOperatorKind.Add => a.Add(b),
            BinaryOperatorKind.Subtract => a.Add(b.Negate()),
            BinaryOperatorKind.Multiply => a.Multiply(b),
            // The verifier keeps no range for a division or remainder of values it does not know exactly.
            BinaryOperatorKind.Divide when a.Exact && b.Exact => a.Divide(b),
            BinaryOperatorKind.Remainder when a.Exact && b.Exact => a.Remainder(b),
            BinaryOperatorKind.And => a.And(b),
            BinaryOperatorKind.LeftShift => a.ShiftLeft(b),
            BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift => a.ShiftRight(b),
            _ => null,
        };
        if (result is null)
            return TypeRange(resultType) is { Int: { } any } ? AbstractValue.Of(any with { Exact = a.Exact && b.Exact }) : AbstractValue.None;
        return AbstractValue.Of(result.Value.ConvertTo(resultType));
    }

    private static AbstractValue Unary(IUnaryOperation unary, AbstractValue operand) =>
        unary.OperatorKind switch
        {
            UnaryOperatorKind.Minus when operand.Int is { } value => AbstractValue.Of(value.Negate().ConvertTo(unary.Type)),
            UnaryOperatorKind.Plus => operand,
            _ => TypeRange(unary.Type),
        };

    /// <summary>
    /// <c>pointer ± delta</c> elements of <paramref name="pointee"/>. A delta that is one constant per path moves the
    /// offset and keeps what is proven; any other non-negative delta starts a new origin at this operation with nothing
    /// proven (the verifier's new id with range 0), keeping the fixed offset the pointer had (its off) and adding the
    /// delta's bound to the variable part (its umax); a delta that may be negative leaves a pointer no check can prove.
    /// </summary>
    private static PacketPointer Advance(PacketPointer pointer, IntRange delta, ITypeSymbol? pointee, bool subtract, IOperation site, PacketState state)
    {
        if (pointer.IsEnd)
            return PacketPointer.Lost;
        long scale = pointee is null || pointee.SpecialType == SpecialType.System_Void ? 1 : TypeLayout.SizeOf(pointee) ?? 0;
        if (scale == 0)
            return PacketPointer.Lost;
        var bytes = delta.Multiply(IntRange.Constant(scale));
        if (subtract)
            bytes = bytes.Negate();
        if (bytes.Exact)
            return pointer.Shift(bytes);
        if (bytes.Lo < 0 || pointer.Views.Count == 0)
            return PacketPointer.Lost;
        // The view the verifier's register is: from the packet's start or an earlier variable origin; a join's
        // origin only when there is nothing else (its offset is then 0, which forbids reading before it).
        var basis = pointer.Views.OrderBy(v => v.Id is JoinOrigin ? 1 : 0).First();
        state.Retire(site);
        return PacketPointer.Of(new PacketView(site, basis.Lo, basis.Hi, 0, basis.VarMax + bytes.Hi));
    }

    /// <summary>Context members (Data, DataEnd), fields read through packet pointers, and calls.</summary>
    private AbstractValue Member(IOperation operation, PacketState state)
    {
        foreach (var child in operation.ChildOperations)
            Evaluate(child, state);
        ISymbol? member = operation switch
        {
            IPropertyReferenceOperation p => p.Property,
            IFieldReferenceOperation f => f.Field,
            IInvocationOperation i => i.TargetMethod,
            _ => null,
        };
        if (member is null)
            return TypeRange(operation.Type);
        if (IsPacketMember(member, start: true))
            return AbstractValue.Of(PacketPointer.Of(new PacketView(PacketOrigin.Start, 0, 0, 0, 0)));
        if (IsPacketMember(member, start: false))
            return AbstractValue.Of(PacketPointer.End);
        if (operation is IFieldReferenceOperation { Field.IsFixedSizeBuffer: true } buffer
            && _pending.TryGetValue(operation.Syntax, out var holder) && TypeLayout.FieldOf(buffer.Field) is { } field)
        {
            // The address of a fixed buffer inside a packet struct: a packet pointer; its elements are checked when read.
            _pending.Remove(operation.Syntax);
            return AbstractValue.Of(holder.Pointer.Shift(IntRange.Constant(field.Offset)));
        }
        if (operation is IInvocationOperation invocation)
        {
            if (OperationFacts.HelperIdOf(invocation.TargetMethod) is { } id && PacketChangingHelpers.Contains(id))
            {
                state.InvalidatePackets();
                return TypeRange(operation.Type);
            }
            if (!OperationFacts.IsInBpfNamespace(invocation.TargetMethod.ContainingType))
                return Call(invocation, state);
        }
        return TypeRange(operation.Type);
    }

    internal static bool IsPacketMember(ISymbol member, bool start)
    {
        if (OperationFacts.HasAttribute(member.OriginalDefinition, start ? "BpfPacketStartAttribute" : "BpfPacketEndAttribute"))
            return true;
        // The kernel contexts' own members, even if their declarations lose the attribute.
        return OperationFacts.IsInBpfNamespace(member.ContainingType)
            && member.ContainingType.Name is "XdpContext" or "SkbContext"
            && member.Name == (start ? "Data" : "DataEnd");
    }
}
