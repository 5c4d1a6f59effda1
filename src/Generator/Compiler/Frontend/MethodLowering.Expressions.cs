using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

internal sealed partial class MethodLowering
{
    private Value LowerExpression(IOperation operation, bool resultUsed = true)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue && resultUsed)
            return LowerConstant(operation);

        switch (operation)
        {
            case ILiteralOperation:
                return LowerConstant(operation);
            case IConversionOperation conversion:
                return LowerConversion(conversion);
            case IParenthesizedOperation paren:
                return LowerExpression(paren.Operand, resultUsed);
            case IParameterReferenceOperation or ILocalReferenceOperation:
                return ReadLocal(operation);
            case IInvocationOperation invocation:
                return LowerInvocation(invocation, resultUsed);
            default:
                return Unsupported(operation, $"the expression kind '{operation.Kind}' is not supported");
        }
    }

    private Value LowerConstant(IOperation operation)
    {
        var type = IntType.From(operation.Type);
        object? value = operation.ConstantValue.Value;
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

    private Value ReadLocal(IOperation reference)
    {
        ISymbol symbol = reference switch
        {
            IParameterReferenceOperation p => p.Parameter,
            ILocalReferenceOperation l => l.Local,
            _ => throw new System.InvalidOperationException(),
        };
        if (!_locals.TryGetValue(symbol, out var local))
            return Unsupported(reference, "this variable's type is not supported");
        if (!local.IsInSlot)
            return new Value(Operand.R(local.Register), local.Type);
        int v = Def(new IrInst(IrOp.Load) { Slot = local.Slot, Size = local.Type.Size, Signed = false });
        return Normalize(new Value(Operand.R(v), local.Type), loadedUnsigned: true);
    }

    private Value LowerConversion(IConversionOperation conversion)
    {
        var target = IntType.From(conversion.Type);
        if (target is null)
            return Unsupported(conversion, $"conversion to '{conversion.Type?.ToDisplayString()}' is not supported");
        return Convert(LowerExpression(conversion.Operand), target.Value, conversion);
    }

    /// <summary>C#'s unchecked conversion between integer types, in register terms.</summary>
    private Value Convert(Value value, IntType target, IOperation origin)
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

        // Narrowing to 8 or 16 bits (or between them): keep the low bits, then extend as the target's sign says.
        if (source.Bits < target.Bits && (!source.Signed || target.Signed))
            return new Value(value.Operand, target); // the value fits unchanged
        return Normalize(new Value(value.Operand, target), loadedUnsigned: false);
    }

    /// <summary>
    /// Brings a register holding a small type's low bits to the canonical form: zero- or sign-extended to 32 bits.
    /// </summary>
    private Value Normalize(Value value, bool loadedUnsigned)
    {
        var t = value.Type;
        if (t.Bits >= 32)
            return value;
        if (!t.Signed)
        {
            if (loadedUnsigned)
                return value;
            int m = Def(new IrInst(IrOp.Bin) { Bin = BinOp.And, A = value.Operand, B = Operand.C(t.Bits == 8 ? 0xff : 0xffff), Width = Width.W32 });
            return new Value(Operand.R(m), t);
        }

        int s = Def(new IrInst(IrOp.SignExtend) { A = value.Operand, Bits = t.Bits, Width = Width.W32 });
        return new Value(Operand.R(s), t);
    }

    private static long ConstantValueOf(Value value)
    {
        long raw = value.Operand.Value;
        var t = value.Type;
        return t.Bits == 64 ? raw : t.Signed ? (int)raw : (long)(uint)raw;
    }
}
