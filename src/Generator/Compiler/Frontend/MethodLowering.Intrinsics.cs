using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

internal sealed partial class MethodLowering
{
    /// <summary>BCL methods that map to one eBPF instruction; null when <paramref name="invocation"/> is none of them.</summary>
    private Value? TryLowerIntrinsic(IInvocationOperation invocation)
    {
        var target = invocation.TargetMethod;
        if (target.Name == "ReverseEndianness" && target.ContainingType.ToDisplayString() == "System.Buffers.Binary.BinaryPrimitives"
            && invocation.Arguments.Length == 1 && IntType.From(target.ReturnType) is { Bits: >= 16 } type)
            return ByteSwap(LowerExpression(invocation.Arguments[0].Value), type, invocation);
        return null;
    }

    /// <summary>Network to host order (or back): eBPF's be16/be32/be64, which zero-extend; signed results are sign-extended after.</summary>
    private Value ByteSwap(Value value, IntType type, IOperation origin)
    {
        value = Convert(value, type, origin);
        int swapped = Def(new IrInst(IrOp.ByteSwap) { A = value.Operand, Bits = type.Bits, Width = Width.W64 });
        if (!type.Signed || type.Bits == 32 || type.Bits == 64)
            return new Value(Operand.R(swapped), type);
        int s = Def(new IrInst(IrOp.SignExtend) { A = Operand.R(swapped), Bits = type.Bits, Width = Width.W32 });
        return new Value(Operand.R(s), type);
    }
}
