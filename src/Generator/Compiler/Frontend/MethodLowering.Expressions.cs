using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

internal sealed partial class MethodLowering
{
    private Value LowerExpression(IOperation operation, bool resultUsed = true)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue && operation.ConstantValue.Value is not string)
            return LowerConstant(operation);

        switch (operation)
        {
            case ILiteralOperation:
            case IDefaultValueOperation:
                return LowerConstant(operation);
            case IConversionOperation conversion:
                return LowerConversion(conversion);
            case IParenthesizedOperation paren:
                return LowerExpression(paren.Operand, resultUsed);
            case IParameterReferenceOperation or ILocalReferenceOperation:
                return ReadLocal(operation);
            case IFieldReferenceOperation field:
                return LowerFieldRead(field);
            case IPropertyReferenceOperation property:
                return LowerPropertyRead(property);
            case IInvocationOperation invocation:
                return LowerInvocation(invocation, resultUsed);
            case ISimpleAssignmentOperation assignment:
                return LowerAssignment(assignment);
            case ICompoundAssignmentOperation compound:
                return LowerCompoundAssignment(compound);
            case IIncrementOrDecrementOperation increment:
                return LowerIncrement(increment, resultUsed);
            case IBinaryOperation binary:
                return LowerBinary(binary);
            case IUnaryOperation unary:
                return LowerUnary(unary);
            case IConditionalOperation conditional:
                return LowerTernary(conditional);
            case ISwitchExpressionOperation switchExpression:
                return LowerSwitchExpression(switchExpression);
            case IIsPatternOperation:
                return MaterializeCondition(operation);
            case IInlineArrayAccessOperation access when IntType.From(access.Type) is not null:
                return ReadPlace(LowerMemoryPlace(access), access);
            case IAddressOfOperation addressOf:
                return LowerAddressOf(addressOf);
            case ISizeOfOperation sizeOf when StructLayout.SizeOf(sizeOf.TypeOperand) is { } size:
                return Value.Const(size.Size, IntType.Int);
            case { Kind: OperationKind.None } when operation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.StackAllocArrayCreationExpressionSyntax:
                return LowerStackAlloc(operation);
            case { Kind: OperationKind.None } when IntType.From(operation.Type) is { } pointee && PointerPlace(operation, pointee) is { } place:
                return ReadPlace(place, operation);
            default:
                return TryLowerContextRead(operation) ?? Unsupported(operation, $"the expression kind '{operation.Kind}' is not supported");
        }
    }

    private Value LowerConstant(IOperation operation)
    {
        object? value = operation.ConstantValue.Value;
        // The null literal of a pointer comparison has no type of its own (or is an object, against a map reference): it is address 0.
        var type = IntType.From(operation.Type) ?? (value is null && (operation.Type is null || operation.Type.SpecialType == SpecialType.System_Object) ? IntType.ULong : null);
        if (type is null)
            return Unsupported(operation, $"constants of type '{operation.Type?.ToDisplayString() ?? "null"}' are only allowed as a Printk format");
        long raw = value switch
        {
            bool b => b ? 1 : 0,
            char c => c,
            ulong u => unchecked((long)u),
            null => 0,
            _ => System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        };
        return Value.Const(raw, type.Value);
    }

    private bool TryGetLocal(IOperation reference, out Local local)
    {
        ISymbol? symbol = reference switch
        {
            IParameterReferenceOperation p => p.Parameter,
            ILocalReferenceOperation l => l.Local,
            _ => null,
        };
        local = default;
        return symbol is not null && _locals.TryGetValue(symbol, out local);
    }

    private Value ReadLocal(IOperation reference)
    {
        ISymbol? referenced = (reference as IParameterReferenceOperation)?.Parameter ?? (ISymbol?)(reference as ILocalReferenceOperation)?.Local;
        if (referenced is not null && _refParameters.TryGetValue(referenced, out var bound))
            return ReadPlace(bound, reference);
        if (!TryGetLocal(reference, out var local))
            return Unsupported(reference, "this variable's type is not supported");
        if (!local.IsInSlot)
            return new Value(Operand.R(local.Register), local.Type);
        return LoadTyped(new IrInst(IrOp.Load) { Slot = local.Slot }, local.Type);
    }

    /// <summary>Completes a load of a value of <paramref name="type"/>: loaded zero-extended, then brought to canonical form.</summary>
    private Value LoadTyped(IrInst load, IntType type)
    {
        load.Size = type.Size;
        int v = Def(load);
        if (!type.Signed || type.Bits >= 32)
            return new Value(Operand.R(v), type);
        int s = Def(new IrInst(IrOp.SignExtend) { A = Operand.R(v), Bits = type.Bits, Width = Width.W32 });
        return new Value(Operand.R(s), type);
    }

    private void WriteLocal(Local local, Value value)
    {
        if (local.IsInSlot)
            Emit(new IrInst(IrOp.Store) { Slot = local.Slot, Size = local.Type.Size, A = value.Operand });
        else
            Emit(new IrInst(IrOp.Mov) { Dst = local.Register, A = value.Operand, Width = Width.W64 });
    }

    private Value LowerConversion(IConversionOperation conversion)
    {
        if (conversion.IsChecked)
            return Checked(conversion);
        var target = IntType.From(conversion.Type) ?? MapReferenceAsObject(conversion);
        if (target is null)
            return Unsupported(conversion, $"conversion to '{conversion.Type?.ToDisplayString()}' is not supported");
        return Convert(LowerExpression(conversion.Operand), target.Value, conversion);
    }

    /// <summary>C#'s unchecked conversion between integer types, in register terms.</summary>
    private Value Convert(Value value, IntType target, IOperation? origin)
    {
        var source = value.Type;
        if (value.Operand.IsConst)
            return Value.Const(ConstantValueOf(value), target);
        if (source == target)
            return value;
        if (target.Bits == 64)
        {
            // Widening to 64: sign-extend signed sources; unsigned ones are already zero-extended.
            if (source.Bits == 64 || !source.Signed)
                return new Value(value.Operand, target);
            int v = Def(new IrInst(IrOp.SignExtend) { A = value.Operand, Bits = 32, Width = Width.W64 });
            return new Value(Operand.R(v), target);
        }

        if (target.Bits == 32)
        {
            if (source.Bits <= 32)
                return new Value(value.Operand, target); // the same 32 bits
            int v = Def(new IrInst(IrOp.Mov) { A = value.Operand, Width = Width.W32 });
            return new Value(Operand.R(v), target);
        }

        // To 8 or 16 bits: if every value of the source fits unchanged, nothing to do.
        if (source.Bits < target.Bits && (!source.Signed || target.Signed))
            return new Value(value.Operand, target);
        if (target.Signed)
        {
            int s = Def(new IrInst(IrOp.SignExtend) { A = value.Operand, Bits = target.Bits, Width = Width.W32 });
            return new Value(Operand.R(s), target);
        }

        int m = Def(new IrInst(IrOp.Bin) { Bin = BinOp.And, A = value.Operand, B = Operand.C(target.Bits == 8 ? 0xff : 0xffff), Width = Width.W32 });
        return new Value(Operand.R(m), target);
    }

    /// <summary>The C# value of a constant operand, sign-extended per its type.</summary>
    private static long ConstantValueOf(Value value)
    {
        long raw = value.Operand.Value;
        var t = value.Type;
        return t.Bits == 64 ? raw : t.Signed ? (int)raw : (long)(uint)raw;
    }

    /// <summary>Copies a value into a fresh register, so a later write to its local does not change it.</summary>
    private Value Snapshot(Value value)
    {
        if (value.Operand.IsConst)
            return value;
        int v = Def(new IrInst(IrOp.Mov) { A = value.Operand, Width = Width.W64 });
        return new Value(Operand.R(v), value.Type);
    }
}
