using System.Linq;
using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

// Context members. Integer members marked [ContextMember] are read by MethodLowering.Contexts; a pointer member
// (a packet's Data/DataEnd) is one load of the kernel field's Size at its offset. A method marked [PacketLoad] is a
// load-bytes helper call into a zeroed stack buffer (the same code for every packet program type, which the
// verifier accepts without bounds checks).
internal sealed partial class MethodLowering
{
    private Value LowerPropertyRead(IPropertyReferenceOperation property)
    {
        // A pointer member reads the kernel field's Size, not the 8 bytes of the C# pointer type.
        if (ContextPointerOf(property.Property) is null && TryLowerContextRead(property) is { } read)
            return read;
        if (ContextPointerOf(property.Property) is not var (offset, size) || property.Instance is null || !IsContext(property.Instance.Type!))
            return Unsupported(property, $"reading '{property.Property.ToDisplayString()}' is not supported (only context fields can be read)");
        var type = IntType.From(property.Type) ?? IntType.ULong;
        var context = LowerExpression(property.Instance);
        int v = Def(new IrInst(IrOp.Load) { Base = context.Operand, Offset = offset, Size = (MemSize)size });
        // A narrower field than the property (e.g. a 4-byte packet pointer exposed as byte*) is zero-extended by the load.
        return new Value(Operand.R(v), type);
    }

    private Value LowerPacketLoad(IInvocationOperation invocation, (int Helper, int Size, bool BigEndian) load)
    {
        if (invocation.Instance is null || !IsContext(invocation.Instance.Type!) || invocation.Arguments.Length != 1)
            return Unsupported(invocation, "packet loads are called on the program's context");
        var context = LowerExpression(invocation.Instance);
        var offset = Convert(LowerExpression(invocation.Arguments[0].Value), IntType.UInt, invocation.Arguments[0]);

        int slot = Function.NewSlot(8, 8, TemporaryOrigin(invocation));
        Emit(new IrInst(IrOp.Store) { Slot = slot, Size = MemSize.B8, A = Operand.C(0) });
        int buffer = Def(new IrInst(IrOp.StackAddress) { Slot = slot });
        Def(new IrInst(IrOp.CallHelper) { Imm = load.Helper, Args = new[] { context.Operand, offset.Operand, Operand.R(buffer), Operand.C(load.Size) } });

        var resultType = IntType.From(invocation.Type) ?? IntType.UInt;
        if (!load.BigEndian || load.Size == 1)
        {
            int v = Def(new IrInst(IrOp.Load) { Slot = slot, Size = (MemSize)load.Size });
            return new Value(Operand.R(v), resultType);
        }

        // Network order: the first byte is the most significant.
        Operand result = Operand.C(0);
        for (int i = 0; i < load.Size; i++)
        {
            int b = Def(new IrInst(IrOp.Load) { Slot = slot, Offset = i, Size = MemSize.B1 });
            int shift = 8 * (load.Size - 1 - i);
            Operand part = Operand.R(b);
            if (shift > 0)
                part = Operand.R(Def(new IrInst(IrOp.Bin) { Bin = BinOp.Shl, A = part, B = Operand.C(shift), Width = Width.W32 }));
            result = i == 0 ? part : Operand.R(Def(new IrInst(IrOp.Bin) { Bin = BinOp.Or, A = result, B = part, Width = Width.W32 }));
        }
        return new Value(result, resultType);
    }

    /// <summary>A pointer-typed context member: its offset and the size of the kernel's field.</summary>
    private static (int Offset, int Size)? ContextPointerOf(IPropertySymbol property)
    {
        if (property.Type.TypeKind != TypeKind.Pointer || ContextMemberOf(property) is not { } attribute)
            return null;
        int offset = attribute.ConstructorArguments[0].Value is int o ? o : 0;
        int size = Named<int>(attribute, "Size") is { } s and > 0 ? s : 8;
        return (offset, size);
    }

    private static (int Helper, int Size, bool BigEndian)? PacketLoadOf(IMethodSymbol method)
    {
        var attribute = BpfSharpAttribute(method, "PacketLoadAttribute");
        if (attribute is null || attribute.ConstructorArguments.Length != 3)
            return null;
        var args = attribute.ConstructorArguments;
        return args[0].Value is int helper && args[1].Value is int size && args[2].Value is bool bigEndian ? (helper, size, bigEndian) : null;
    }

    private static AttributeData? BpfSharpAttribute(ISymbol symbol, string name) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == name
            && a.AttributeClass.ContainingNamespace?.ToDisplayString() == "BpfSharp");
}
