using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// Structs across calls, as clang passes them to BPF-to-BPF functions: by pointer into the caller's stack. A struct
/// argument by value is copied into a caller slot first; one by ref, in or out passes the address it already has; a
/// struct result is written by the callee through a hidden first argument pointing at a caller slot.
/// </summary>
internal sealed partial class MethodLowering
{
    /// <summary>Struct parameters and ref-bound struct locals whose storage is somewhere else: a pointer or another slot.</summary>
    private readonly Dictionary<ISymbol, (Operand Base, int Slot, int Offset)> _structPlaces = new(SymbolEqualityComparer.Default);

    /// <summary>Where a non-inlined function returning a struct writes it (its hidden first argument).</summary>
    private Operand _returnPointer;

    private static StructLayout? StructOf(ITypeSymbol? type) => type is null || IntType.From(type) is not null ? null : StructLayout.Of(type);

    private bool ReturnsStruct(IMethodSymbol method) => !method.ReturnsVoid && StructOf(method.ReturnType) is not null;

    /// <summary>A callee's incoming pointer (copied out of its argument register, which calls clobber).</summary>
    private Operand KeepIncoming(int incoming)
    {
        int r = Function.NewReg();
        Emit(new IrInst(IrOp.Mov) { Dst = r, A = Operand.R(incoming), Width = Width.W64 });
        return Operand.R(r);
    }

    /// <summary>return value; of a struct: copied to the caller's result slot (inlined) or through the hidden pointer.</summary>
    private void LowerStructReturn(IOperation value)
    {
        var layout = StructOf(CurrentMethod.ReturnType)!;
        (Operand Base, int Slot, int Offset) to = _inlined.Count > 0 ? (default, _inlined.Peek().ResultSlot, 0) : (_returnPointer, -1, 0);
        StoreStruct(to, layout, value);
        EmitReturn(Operand.C(0));
    }

    /// <summary>Writes a struct-valued expression into memory at <paramref name="to"/>.</summary>
    private void StoreStruct((Operand Base, int Slot, int Offset) to, StructLayout layout, IOperation value)
    {
        if (IsInitializer(value))
            InitializeStruct(to, layout, value);
        else if (StructAddress(value) is { } from)
            CopyMemory(to, from, layout.Size, layout.Align);
        else
            Unsupported(value, "this struct value is not supported");
    }

    /// <summary><c>out int v</c>: declares v (in a slot, as its address is taken) and yields the reference to it.</summary>
    private IOperation Declared(IOperation operation)
    {
        if (operation is not IDeclarationExpressionOperation { Expression: ILocalReferenceOperation reference }) return operation;
        var local = reference.Local;
        if (!_locals.ContainsKey(local) && IntType.From(local.Type) is { } type)
            _locals[local] = NeedsSlot(local) ? Local.InSlot(Function.NewSlot(type.Bits / 8, type.Bits / 8, VariableOrigin(local)), type) : Local.InRegister(Function.NewReg(), type);
        else if (!_structs.ContainsKey(local) && StructOf(local.Type) is { } layout)
        {
            int slot = Function.NewSlot((layout.Size + 7) & ~7, 8, VariableOrigin(local));
            ZeroSlot(slot, 0, layout.Size);
            _structs[local] = (slot, layout);
        }
        return reference;
    }

    private static bool IsInitializer(IOperation value) =>
        value is IDefaultValueOperation or IObjectCreationOperation or IConversionOperation { Operand: IDefaultValueOperation };

    /// <summary>A fresh zeroed-or-filled slot holding a copy of a struct argument.</summary>
    private (Operand Base, int Slot, int Offset) CopyToNewSlot(StructLayout layout, IOperation value, SlotOrigin? origin = null)
    {
        int slot = Function.NewSlot((layout.Size + 7) & ~7, 8, origin ?? TemporaryOrigin(value));
        StoreStruct((default, slot, 0), layout, value);
        return (default, slot, 0);
    }

    /// <summary>The argument register value of a non-inlined call for a struct or by-reference argument; null when it is neither.</summary>
    private Operand? AddressArgument(IArgumentOperation argument)
    {
        var parameter = argument.Parameter!;
        var layout = StructOf(parameter.Type);
        if (layout is not null)
        {
            var at = parameter.RefKind == RefKind.None ? CopyToNewSlot(layout, argument.Value) : StructAddress(Declared(argument.Value));
            if (at is null)
            {
                Unsupported(argument, "this struct cannot be passed by reference");
                return Operand.C(0);
            }
            return AddressValue(at.Value).Operand;
        }
        if (parameter.RefKind == RefKind.None)
            return null;
        var place = LowerPlace(Declared(argument.Value));
        if (place is { IsMemory: true } p)
            return AddressValue((p.Base, p.Slot, p.Offset)).Operand;
        Unsupported(argument, "only locals, parameters, fields and pointed-to memory can be passed by reference");
        return Operand.C(0);
    }

    /// <summary>A call returning a struct: its result lives in a new caller slot.</summary>
    private (Operand Base, int Slot, int Offset)? LowerStructCall(IInvocationOperation invocation)
    {
        if (!IsUserMethod(invocation.TargetMethod) || StructOf(invocation.TargetMethod.ReturnType) is not { } layout)
            return null;
        int slot = Function.NewSlot((layout.Size + 7) & ~7, 8, TemporaryOrigin(invocation));
        LowerUserCall(invocation, slot);
        return (default, slot, 0);
    }
}
