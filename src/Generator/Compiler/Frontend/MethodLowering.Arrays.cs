using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

internal sealed partial class MethodLowering
{
    /// <summary>
    /// Element <paramref name="index"/> of an array of <paramref name="length"/> elements of <paramref name="elementSize"/>
    /// bytes at <paramref name="at"/>. A constant index is a constant offset; a variable one is checked first, since the
    /// verifier needs the bound and eBPF cannot throw: out of range, the program returns 0 at once (the CLR would throw).
    /// </summary>
    private (Operand Base, int Slot, int Offset) ElementAddress((Operand Base, int Slot, int Offset) at, Value index, int length, int elementSize)
    {
        if (index.Operand.IsConst)
            return (at.Base, at.Slot, checked(at.Offset + (int)ConstantValueOf(index) * elementSize));
        var wide = Convert(index, IntType.Long, null);
        var inRange = NewBlock();
        var outOfRange = NewBlock();
        EmitBranch(Cond.ULt, Width.W64, wide.Operand, Operand.C(length), inRange, outOfRange);
        Enter(outOfRange);
        Emit(new IrInst(IrOp.Return) { A = Operand.C(0) });
        Enter(inRange);
        var start = AddressValue(at);
        var element = PointerOffset(start, wide, elementSize, subtract: false);
        return (element.Operand, -1, 0);
    }

    /// <summary>buf[i] of an [InlineArray] struct.</summary>
    private (Operand Base, int Slot, int Offset)? InlineArrayElement(IInlineArrayAccessOperation access)
    {
        if (access.Instance.Type is not { } arrayType || StructLayout.Of(arrayType) is not { InlineLength: > 0, ElementType: { } elementType } layout
            || StructLayout.SizeOf(elementType) is not { } element || StructAddress(access.Instance) is not { } at)
            return null;
        if (access.Argument.Type?.Name is "Range")
            return null;
        return ElementAddress(at, LowerExpression(access.Argument), layout.InlineLength, element.Size);
    }

    /// <summary>foreach over an [InlineArray] struct: one copy of the body per element, like an unrolled for loop.</summary>
    private void LowerForEach(IForEachLoopOperation loop)
    {
        var collection = loop.Collection;
        while (collection is IConversionOperation { Conversion.IsImplicit: true } c) collection = c.Operand;
        if (collection.Type is not { } type || StructLayout.Of(type) is not { InlineLength: > 0, ElementType: { } elementType } layout
            || StructLayout.SizeOf(elementType) is not { } element || StructAddress(collection) is not { } at
            || loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: var variable } || IntType.From(variable.Type) is not { } variableType)
        {
            Unsupported(loop, "foreach is supported over [InlineArray] structs of integer elements");
            return;
        }

        var exit = NewBlock();
        _labels[loop.ExitLabel] = exit;
        // The array's address is taken once: the body may not move it (a struct local's slot never moves).
        (Operand Base, int Slot, int Offset) fixedAt = at.Slot >= 0 || at.Base.IsConst ? at : (Snapshot(new Value(at.Base, IntType.ULong)).Operand, at.Slot, at.Offset);
        var local = Local.InRegister(Function.NewReg(), variableType);
        _locals[variable] = local;
        for (int k = 0; k < layout.InlineLength; k++)
        {
            var next = NewBlock();
            _labels[loop.ContinueLabel] = next;
            var place = Place.At(fixedAt.Base, fixedAt.Slot, fixedAt.Offset + k * element.Size, IntType.From(elementType)!.Value);
            WriteLocal(local, Convert(ReadPlace(place, loop), variableType, loop));
            LowerStatement(loop.Body);
            StartBlock(next);
        }
        StartBlock(exit);
    }

    /// <summary>The checked element address of <c>s.buffer[i]</c> when the pointer indexed is a fixed-size buffer field.</summary>
    private (Operand Base, int Slot, int Offset)? FixedBufferElement(IOperation pointer, IOperation index)
    {
        while (pointer is IConversionOperation { Conversion.IsImplicit: true } c) pointer = c.Operand;
        if (pointer is not IFieldReferenceOperation { Field: { IsFixedSizeBuffer: true } field, Instance: { } instance }
            || field.Type is not IPointerTypeSymbol p || StructLayout.SizeOf(p.PointedAtType) is not { } element
            || FieldAddress(instance, field) is not { } at)
            return null;
        return ElementAddress(at, LowerExpression(index), field.FixedSize, element.Size);
    }
}
