using System.Text;
using BpfSharp.Generator.Compiler.Ir;
using BpfSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

internal sealed partial class MethodLowering
{
    private const int TracePrintk = 6;

    private Value LowerInvocation(IInvocationOperation invocation, bool resultUsed)
    {
        var target = invocation.TargetMethod;
        if (TryLowerMapCall(invocation, out var mapResult))
            return mapResult;
        int? helper = HelperIdOf(target);
        if (helper == TracePrintk)
            return LowerPrintk(invocation);
        if (helper is { } id)
            return LowerHelperCall(invocation, id);
        if (PacketLoadOf(target) is { } load)
            return LowerPacketLoad(invocation, load);
        if (IsUserMethod(target))
            return LowerUserCall(invocation);
        if (TryLowerContextRead(invocation) is { } contextRead)
            return contextRead;
        if (TryLowerIntrinsic(invocation) is { } intrinsic)
            return intrinsic;
        if (target.Name == "Arg" && target.ContainingType.Name == "RawTracepointContext" && invocation.Instance is { } context)
            return LowerRawTracepointArg(invocation, context);
        return Unsupported(invocation, $"calls to '{target.ToDisplayString()}' are not supported");
    }

    /// <summary>ctx.Arg(i) reads args[i] of struct bpf_raw_tracepoint_args; the verifier needs i constant.</summary>
    private Value LowerRawTracepointArg(IInvocationOperation invocation, IOperation context)
    {
        var index = invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value.ConstantValue : default;
        if (!index.HasValue || index.Value is not int i || i < 0 || i > 11)
            return Unsupported(invocation, "the argument index must be a constant from 0 to 11");
        var ctx = LowerExpression(context);
        int v = Def(new IrInst(IrOp.Load) { Base = ctx.Operand, Offset = i * 8, Size = MemSize.B8 });
        return new Value(Operand.R(v), IntType.ULong);
    }

    private static int? HelperIdOf(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "BpfHelperAttribute"
                && attribute.AttributeClass.ContainingNamespace?.ToDisplayString() == "BpfSharp"
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is int id)
                return id;
        }
        return null;
    }

    private Value LowerHelperCall(IInvocationOperation invocation, int id)
    {
        var args = new Operand[invocation.Arguments.Length];
        for (int i = 0; i < args.Length; i++)
        {
            var parameterType = IntType.From(invocation.Arguments[i].Parameter?.Type) ?? IntType.Long;
            args[i] = Convert(LowerExpression(invocation.Arguments[i].Value), parameterType, invocation.Arguments[i]).Operand;
        }

        var resultType = IntType.From(invocation.Type) ?? IntType.Long;
        int v = Def(new IrInst(IrOp.CallHelper) { Imm = id, Args = args });
        return TruncateResult(new Value(Operand.R(v), IntType.ULong), resultType);
    }

    /// <summary>A helper's 64-bit result read as its declared C# type.</summary>
    private Value TruncateResult(Value raw, IntType type) => type.Bits == 64 ? new Value(raw.Operand, type) : Convert(raw, type, null!);

    /// <summary>bpf_trace_printk(fmt, fmt_size, ...): the format, NUL-terminated, is built on the stack.</summary>
    private Value LowerPrintk(IInvocationOperation invocation)
    {
        var arguments = invocation.Arguments;
        if (arguments.Length == 0 || arguments[0].Value.ConstantValue is not { HasValue: true, Value: string format })
        {
            Report(DiagnosticDescriptors.PrintkArguments, invocation, "the format must be a string literal or constant");
            return Value.Const(0, IntType.Long);
        }

        var args = new Operand[arguments.Length + 1];
        for (int i = 1; i < arguments.Length; i++)
            args[i + 1] = Convert(LowerExpression(arguments[i].Value), IntType.Long, arguments[i]).Operand;

        byte[] bytes = Encoding.UTF8.GetBytes(format + "\0");
        int slot = Function.NewSlot((bytes.Length + 7) & ~7, 8, PrintkFormatOrigin(invocation));
        StoreBytes(slot, bytes);
        args[0] = Operand.R(Def(new IrInst(IrOp.StackAddress) { Slot = slot }));
        args[1] = Operand.C(bytes.Length);
        int v = Def(new IrInst(IrOp.CallHelper) { Imm = TracePrintk, Args = args });
        return new Value(Operand.R(v), IntType.Long);
    }

    /// <summary>Writes constant bytes into a slot with the fewest immediate stores (4, 2 then 1 bytes).</summary>
    private void StoreBytes(int slot, byte[] bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            int left = bytes.Length - offset;
            int size = left >= 4 ? 4 : left >= 2 ? 2 : 1;
            long value = 0;
            for (int i = size - 1; i >= 0; i--)
                value = (value << 8) | bytes[offset + i];
            Emit(new IrInst(IrOp.Store) { Slot = slot, Offset = offset, Size = (MemSize)size, A = Operand.C(value) });
            offset += size;
        }
    }
}
