using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

internal sealed partial class MethodLowering
{
    /// <summary>The type C#'s binary numeric promotion gives two integer operands.</summary>
    private static IntType Promote(IntType a, IntType b)
    {
        if (a.Bits < 32) a = IntType.Int;
        if (b.Bits < 32) b = IntType.Int;
        if (a == IntType.ULong || b == IntType.ULong) return IntType.ULong;
        if (a.Bits == 64 || b.Bits == 64) return IntType.Long;
        if (a.Signed != b.Signed) return IntType.Long;
        return a.Signed ? IntType.Int : IntType.UInt;
    }

    private static IntType PromoteUnary(IntType a) => a.Bits < 32 ? IntType.Int : a;

    private static bool IsComparison(BinaryOperatorKind k) => k is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
        or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual;

    private Value LowerBinary(IBinaryOperation binary)
    {
        if (binary.OperatorMethod is not null && binary.OperatorMethod.MethodKind == MethodKind.UserDefinedOperator)
            return Unsupported(binary, "user-defined operators are not supported");
        if (binary.IsChecked)
            return Checked(binary);
        var kind = binary.OperatorKind;
        if (IsComparison(kind) || kind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
            return MaterializeCondition(binary);

        if (binary.LeftOperand.Type is IPointerTypeSymbol || binary.RightOperand.Type is IPointerTypeSymbol)
            return LowerPointerArithmetic(binary);
        var left = LowerExpression(binary.LeftOperand);
        var right = LowerExpression(binary.RightOperand);
        var resultType = IntType.From(binary.Type);
        if (resultType is null)
            return Unsupported(binary, $"operands of type '{binary.Type?.ToDisplayString()}' are not supported");
        return Arithmetic(kind, left, right, resultType.Value, binary);
    }

    /// <summary>left op right with C#'s unchecked semantics, the result converted to <paramref name="resultType"/>.</summary>
    private Value Arithmetic(BinaryOperatorKind kind, Value left, Value right, IntType resultType, IOperation origin)
    {
        bool shift = kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift;
        bool logical = kind is BinaryOperatorKind.And or BinaryOperatorKind.Or or BinaryOperatorKind.ExclusiveOr;
        // Bitwise ops on bools and enums work on the raw value; everything else on the promoted type.
        var type = shift ? PromoteUnary(left.Type) : logical && left.Type == right.Type ? left.Type : Promote(left.Type, right.Type);
        left = Convert(left, type, origin);
        right = shift ? right : Convert(right, type, origin);
        var width = type.Width;

        BinOp op;
        switch (kind)
        {
            case BinaryOperatorKind.Add: op = BinOp.Add; break;
            case BinaryOperatorKind.Subtract: op = BinOp.Sub; break;
            case BinaryOperatorKind.Multiply: op = BinOp.Mul; break;
            case BinaryOperatorKind.Divide: op = type.Signed ? BinOp.SDiv : BinOp.UDiv; break;
            case BinaryOperatorKind.Remainder: op = type.Signed ? BinOp.SMod : BinOp.UMod; break;
            case BinaryOperatorKind.And: op = BinOp.And; break;
            case BinaryOperatorKind.Or: op = BinOp.Or; break;
            case BinaryOperatorKind.ExclusiveOr: op = BinOp.Xor; break;
            case BinaryOperatorKind.LeftShift: op = BinOp.Shl; break;
            case BinaryOperatorKind.RightShift: op = type.Signed ? BinOp.AShr : BinOp.LShr; break;
            case BinaryOperatorKind.UnsignedRightShift: op = BinOp.LShr; break;
            default:
                return Unsupported(origin, $"the operator '{kind}' is not supported here");
        }

        var b = right.Operand;
        if (shift)
        {
            // C# masks the count: & 31 for 32-bit operands, & 63 for 64-bit ones.
            int mask = width == Width.W64 ? 63 : 31;
            b = b.IsConst ? Operand.C(b.Value & mask)
                : Operand.R(Def(new IrInst(IrOp.Bin) { Bin = BinOp.And, A = b, B = Operand.C(mask), Width = Width.W32 }));
        }

        int v = Def(new IrInst(IrOp.Bin) { Bin = op, A = left.Operand, B = b, Width = width });
        return Convert(new Value(Operand.R(v), type), resultType, origin);
    }

    private Value LowerUnary(IUnaryOperation unary)
    {
        if (unary.OperatorMethod is not null)
            return Unsupported(unary, "user-defined operators are not supported");
        if (unary.OperatorKind == UnaryOperatorKind.Not)
            return MaterializeCondition(unary);
        var operand = LowerExpression(unary.Operand);
        var resultType = IntType.From(unary.Type) ?? PromoteUnary(operand.Type);
        var type = PromoteUnary(operand.Type);
        if (unary.OperatorKind == UnaryOperatorKind.Minus && type == IntType.UInt)
            type = IntType.Long; // C#: -uint is long
        operand = Convert(operand, type, unary);
        switch (unary.OperatorKind)
        {
            case UnaryOperatorKind.Plus:
                return Convert(operand, resultType, unary);
            case UnaryOperatorKind.Minus:
                if (unary.IsChecked) return Checked(unary);
                return Convert(new Value(Operand.R(Def(new IrInst(IrOp.Neg) { A = operand.Operand, Width = type.Width })), type), resultType, unary);
            case UnaryOperatorKind.BitwiseNegation:
                var t = IntType.From(unary.Operand.Type) is { Bits: < 32 } small && unary.Operand.Type!.TypeKind == TypeKind.Enum ? small : type;
                operand = Convert(operand, t, unary);
                int v = Def(new IrInst(IrOp.Bin) { Bin = BinOp.Xor, A = operand.Operand, B = Operand.C(t.Width == Width.W64 ? -1 : 0xffffffffL), Width = t.Width });
                return Convert(new Value(Operand.R(v), t), resultType, unary);
            default:
                return Unsupported(unary, $"the operator '{unary.OperatorKind}' is not supported");
        }
    }

    private Value LowerAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.IsRef)
            return Unsupported(assignment, "ref reassignment is not supported");
        var targetType = IntType.From(assignment.Target.Type);
        if (targetType is null)
            return LowerStructAssignment(assignment);
        var value = Convert(LowerExpression(assignment.Value), targetType.Value, assignment);
        return Store(assignment.Target, value);
    }

    /// <summary>p + n, n + p, p - n scale n by the pointee size; p - q counts elements between them.</summary>
    private Value LowerPointerArithmetic(IBinaryOperation binary)
    {
        var left = LowerExpression(binary.LeftOperand);
        var right = LowerExpression(binary.RightOperand);
        var pointerType = (binary.LeftOperand.Type as IPointerTypeSymbol) ?? (IPointerTypeSymbol)binary.RightOperand.Type!;
        int size = pointerType.PointedAtType.SpecialType == SpecialType.System_Void ? 1 : StructLayout.SizeOf(pointerType.PointedAtType)?.Size ?? 0;
        if (size == 0)
            return Unsupported(binary, $"arithmetic on '{pointerType.ToDisplayString()}' is not supported");
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Add when binary.LeftOperand.Type is IPointerTypeSymbol:
                return PointerOffset(left, right, size, subtract: false);
            case BinaryOperatorKind.Add:
                return PointerOffset(right, left, size, subtract: false);
            case BinaryOperatorKind.Subtract when binary.RightOperand.Type is IPointerTypeSymbol:
            {
                int difference = Def(new IrInst(IrOp.Bin) { Bin = BinOp.Sub, A = left.Operand, B = right.Operand, Width = Width.W64 });
                int count = size == 1 ? difference : Def(new IrInst(IrOp.Bin) { Bin = BinOp.SDiv, A = Operand.R(difference), B = Operand.C(size), Width = Width.W64 });
                return new Value(Operand.R(count), IntType.Long);
            }
            case BinaryOperatorKind.Subtract:
                return PointerOffset(left, right, size, subtract: true);
            default:
                return Unsupported(binary, $"the operator '{binary.OperatorKind}' is not supported on pointers");
        }
    }

    private static int PointeeSize(ITypeSymbol? type) =>
        type is IPointerTypeSymbol p ? (p.PointedAtType.SpecialType == SpecialType.System_Void ? 1 : StructLayout.SizeOf(p.PointedAtType)?.Size ?? 1) : 0;

    private Value LowerCompoundAssignment(ICompoundAssignmentOperation compound)
    {
        if (PointeeSize(compound.Target.Type) is int step and > 0 && compound.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract)
        {
            var pointerPlace = LowerPlace(compound.Target);
            var pointer = ReadPlace(pointerPlace, compound.Target);
            var moved = PointerOffset(pointer, LowerExpression(compound.Value), step, compound.OperatorKind == BinaryOperatorKind.Subtract);
            WritePlace(pointerPlace, moved, compound.Target);
            return moved;
        }
        if (compound.OperatorMethod is not null && compound.OperatorMethod.MethodKind == MethodKind.UserDefinedOperator)
            return Unsupported(compound, "user-defined operators are not supported");
        if (compound.IsChecked)
            return Checked(compound);
        var targetType = IntType.From(compound.Target.Type);
        if (targetType is null)
            return Unsupported(compound, $"compound assignment to '{compound.Target.Type?.ToDisplayString()}' is not supported");
        var place = LowerPlace(compound.Target);
        var current = ReadPlace(place, compound.Target);
        var right = LowerExpression(compound.Value);
        var result = Arithmetic(compound.OperatorKind, current, right, targetType.Value, compound);
        WritePlace(place, result, compound.Target);
        return result;
    }

    private Value LowerIncrement(IIncrementOrDecrementOperation increment, bool resultUsed)
    {
        if (increment.IsChecked)
            return Checked(increment);
        var targetType = IntType.From(increment.Target.Type);
        if (targetType is null)
            return Unsupported(increment, $"++/-- on '{increment.Target.Type?.ToDisplayString()}' is not supported");
        var place = LowerPlace(increment.Target);
        var current = ReadPlace(place, increment.Target);
        if (increment.IsPostfix && resultUsed)
            current = Snapshot(current);
        var kind = increment.Kind == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract;
        int step = PointeeSize(increment.Target.Type);
        var updated = step > 0
            ? PointerOffset(current, Value.Const(1, IntType.Int), step, kind == BinaryOperatorKind.Subtract)
            : Arithmetic(kind, current, Value.Const(1, IntType.Int), targetType.Value, increment);
        WritePlace(place, updated, increment.Target);
        return increment.IsPostfix ? current : updated;
    }

    private Value LowerTernary(IConditionalOperation conditional)
    {
        var type = IntType.From(conditional.Type);
        if (type is null || conditional.WhenFalse is null)
            return Unsupported(conditional, "only conditional expressions of integer type are supported");
        int result = Function.NewReg();
        var whenTrue = NewBlock();
        var whenFalse = NewBlock();
        var join = NewBlock();
        LowerCondition(conditional.Condition, whenTrue, whenFalse);
        Enter(whenTrue);
        var t = Convert(LowerExpression(conditional.WhenTrue), type.Value, conditional);
        Emit(new IrInst(IrOp.Mov) { Dst = result, A = t.Operand, Width = Width.W64 });
        EmitJump(join);
        Enter(whenFalse);
        var f = Convert(LowerExpression(conditional.WhenFalse), type.Value, conditional);
        Emit(new IrInst(IrOp.Mov) { Dst = result, A = f.Operand, Width = Width.W64 });
        StartBlock(join);
        return new Value(Operand.R(result), type.Value);
    }
}
