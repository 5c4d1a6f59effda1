using System;
using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Data;
using BpfSharp.Generator.Compiler.Ir;
using BpfSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// Calls on map fields and the atomic intrinsics. A map call becomes its helper with the map as an LD_IMM64 that the
/// loader relocates (<see cref="RelocationKind.Map"/>), or, on a local holding an inner map of a map of maps, with the
/// map pointer the outer lookup returned; <c>in</c>/<c>out</c> arguments are passed by address, spilled to the stack
/// first when they are not variables already.
/// </summary>
internal sealed partial class MethodLowering
{
    private const int MapLookup = 1, MapUpdate = 2, MapDelete = 3, TailCall = 12, PerfEventOutput = 25, GetStackId = 27;
    private const int MapPush = 87, MapPop = 88, MapPeek = 89;
    private const int RingbufOutput = 130, RingbufReserve = 131, RingbufSubmit = 132, RingbufDiscard = 133;

    /// <summary>Lowers a map method or an intrinsic; false when <paramref name="invocation"/> is neither.</summary>
    private bool TryLowerMapCall(IInvocationOperation invocation, out Value result)
    {
        result = default;
        var target = invocation.TargetMethod;
        if (IsIntrinsic(target))
        {
            result = LowerAtomicAdd(invocation);
            return true;
        }

        if (invocation.Instance is null || MapKind.Of(invocation.Instance.Type!) is null)
            return false;
        Func<Operand> map;
        switch (invocation.Instance)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true } field }:
                if (!SymbolEqualityComparer.Default.Equals(field.ContainingType, _method.ContainingType))
                {
                    Report(DiagnosticDescriptors.ForeignMapOrGlobal, invocation, field.Name, field.ContainingType.ToDisplayString());
                    result = Value.Const(0, IntType.Long);
                    return true;
                }
                map = () => Operand.R(Def(new IrInst(IrOp.LoadAddress) { Symbol = field.Name, Relocation = RelocationKind.Map }));
                break;
            case ILocalReferenceOperation or IParameterReferenceOperation:
                // An inner map a map of maps' lookup returned: the register holds the kernel's map pointer.
                var instance = invocation.Instance;
                map = () => LowerExpression(instance).Operand;
                break;
            default:
                result = Unsupported(invocation, "maps are used through the static readonly field that declares them, or a local holding an inner map");
                return true;
        }
        if (HelperIdOf(target) is not { } id)
        {
            Report(DiagnosticDescriptors.ClrOnlyMapMember, invocation, target.Name);
            result = Value.Const(0, IntType.Long);
            return true;
        }

        result = id == MapLookup && target.Name == "TryLookup" ? LowerTryLookup(invocation, map) : LowerMapHelper(invocation, map, id);
        return true;
    }

    /// <summary><c>inner == null</c> compares two objects: a map reference seen as an object is still the map pointer.</summary>
    private static IntType? MapReferenceAsObject(IConversionOperation conversion) =>
        conversion.Type?.SpecialType == SpecialType.System_Object && MapKind.Of(conversion.Operand.Type!) is not null ? IntType.ULong : null;

    private static bool IsIntrinsic(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
            if (attribute.AttributeClass?.ToDisplayString() == "BpfSharp.BpfIntrinsicAttribute")
                return true;
        return false;
    }

    private Value LowerMapHelper(IInvocationOperation invocation, Func<Operand> map, int id)
    {
        var args = new List<Operand>();
        Operand Map() => map();
        Operand Arg(int i) => ArgumentOperand(invocation.Arguments[i]);
        Operand SizeOfLast() => Operand.C(SizeOf(invocation.TargetMethod.TypeArguments[invocation.TargetMethod.TypeArguments.Length - 1], invocation));

        switch (id)
        {
            case RingbufReserve:
                args.Add(Map()); args.Add(SizeOfLast()); args.Add(Operand.C(0));
                break;
            case RingbufSubmit or RingbufDiscard:
                args.Add(Arg(0)); args.Add(Arg(1));
                break;
            case RingbufOutput:
                args.Add(Map()); args.Add(Arg(0)); args.Add(SizeOfLast()); args.Add(Arg(1));
                break;
            case PerfEventOutput:
                args.Add(Arg(0)); args.Add(Map()); args.Add(Arg(2)); args.Add(Arg(1)); args.Add(SizeOfLast());
                break;
            case TailCall or GetStackId:
                args.Add(Arg(0)); args.Add(Map()); args.Add(Arg(1));
                break;
            default:
                // lookup, update, delete, push, pop, peek: the map, then the arguments in order.
                args.Add(Map());
                for (int i = 0; i < invocation.Arguments.Length; i++)
                    args.Add(Arg(i));
                break;
        }

        var resultType = IntType.From(invocation.Type) ?? IntType.Long;
        int v = Def(new IrInst(IrOp.CallHelper) { Imm = id, Args = args.ToArray() });
        return TruncateResult(new Value(Operand.R(v), IntType.ULong), resultType);
    }

    /// <summary>
    /// <c>TryLookup(in key, out value)</c>: look up, test the pointer against null right away (the shape the
    /// verifier tracks), copy the value out or zero it, and yield whether it was found.
    /// </summary>
    private Value LowerTryLookup(IInvocationOperation invocation, Func<Operand> map)
    {
        var mapPointer = map();
        var key = ArgumentOperand(invocation.Arguments[0]);
        // The out variable is evaluated before the call, as C# does; a struct keeps its slot, so its copy knows the alignment.
        var valueArgument = invocation.Arguments[1];
        var valueType = valueArgument.Parameter!.Type;
        int size = SizeOf(valueType, invocation);
        int align = StructOf(valueType)?.Align ?? size;
        var destination = OutDestination(valueArgument.Value, valueType);
        int pointer = Def(new IrInst(IrOp.CallHelper) { Imm = MapLookup, Args = new[] { mapPointer, key } });

        int found = Function.NewReg();
        IrBlock hit = NewBlock(), miss = NewBlock(), join = NewBlock();
        EmitBranch(Cond.Eq, Width.W64, Operand.R(pointer), Operand.C(0), miss, hit);
        Enter(hit);
        CopyMemory(destination, (Operand.R(pointer), -1, 0), size, align);
        Emit(new IrInst(IrOp.Mov) { Dst = found, A = Operand.C(1), Width = Width.W64 });
        EmitJump(join);
        Enter(miss);
        ZeroMemory(destination, size, align);
        Emit(new IrInst(IrOp.Mov) { Dst = found, A = Operand.C(0), Width = Width.W64 });
        EmitJump(join);
        Enter(join);
        return new Value(Operand.R(found), IntType.Bool);
    }

    /// <summary><c>Bpf.AtomicAdd(ref x, d)</c> or <c>(p, d)</c>: a BPF atomic add to memory.</summary>
    private Value LowerAtomicAdd(IInvocationOperation invocation)
    {
        var targetArgument = invocation.Arguments[0];
        var address = targetArgument.Parameter!.RefKind == RefKind.None
            ? LowerExpression(targetArgument.Value).Operand
            : AddressOf(targetArgument.Value, mustBeVariable: true);
        var deltaType = IntType.From(invocation.Arguments[1].Parameter!.Type) ?? IntType.ULong;
        var delta = Convert(LowerExpression(invocation.Arguments[1].Value), deltaType, invocation.Arguments[1]);
        Emit(new IrInst(IrOp.Store) { Atomic = true, Base = address, Offset = 0, Size = deltaType.Size, A = delta.Operand });
        return Value.Const(0, IntType.Long);
    }

    /// <summary>A helper argument: the address of a by-reference argument, else its value converted to the parameter's type.</summary>
    private Operand ArgumentOperand(IArgumentOperation argument)
    {
        var parameter = argument.Parameter!;
        if (parameter.RefKind != RefKind.None)
            return AddressOf(argument.Value, mustBeVariable: parameter.RefKind != RefKind.In, parameter.Type);
        var type = IntType.From(parameter.Type) ?? (parameter.Type.TypeKind == TypeKind.TypeParameter ? IntType.ULong : IntType.Long);
        return Convert(LowerExpression(argument.Value), type, argument).Operand;
    }

    /// <summary>
    /// The address of a variable (a stack-slot local, a struct wherever it lives, a global, <c>*p</c>), or of a stack
    /// copy of any other value (an <c>in</c> argument such as a constant, a converted local or a new struct).
    /// </summary>
    private Operand AddressOf(IOperation operation, bool mustBeVariable, ITypeSymbol? asType = null)
    {
        if (StructOf(asType ?? operation.Type) is { } layout)
            return StructArgument(operation, layout, mustBeVariable) is { } structAt ? AddressValue(structAt).Operand : Operand.C(0);
        while (operation is IDeclarationExpressionOperation declaration)
            operation = declaration.Expression;
        switch (operation)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation:
            {
                ISymbol referenced = (operation as ILocalReferenceOperation)?.Local ?? (ISymbol)((IParameterReferenceOperation)operation).Parameter;
                if (_refParameters.TryGetValue(referenced, out var bound) && bound.IsMemory)
                    return AddressValue((bound.Base, bound.Slot, bound.Offset)).Operand;
                bool known = TryGetLocal(operation, out var local);
                if (!known && operation is ILocalReferenceOperation { IsDeclaration: true } declared && IntType.From(declared.Local.Type) is { } type)
                {
                    local = Local.InSlot(Function.NewSlot(System.Math.Max(type.Bits / 8, 1), System.Math.Max(type.Bits / 8, 1), VariableOrigin(declared.Local)), type);
                    _locals[declared.Local] = local;
                    known = true;
                }
                if (known && local.IsInSlot)
                    return Operand.R(Def(new IrInst(IrOp.StackAddress) { Slot = local.Slot }));
                break;
            }
            case IFieldReferenceOperation when GlobalAddress(operation) is { } global:
                return global.Offset == 0 ? global.Base
                    : Operand.R(Def(new IrInst(IrOp.Bin) { Bin = BinOp.Add, A = global.Base, B = Operand.C(global.Offset), Width = Width.W64 }));
        }

        // *p: Roslyn keeps its operation internal, so it is recognised by its syntax; its one child is p.
        if (operation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.PrefixUnaryExpressionSyntax prefix
            && prefix.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PointerIndirectionExpression)
            && System.Linq.Enumerable.SingleOrDefault(operation.ChildOperations) is { } pointer)
            return LowerExpression(pointer).Operand;

        var valueType = IntType.From(asType ?? operation.Type);
        if (mustBeVariable || valueType is not { } t)
        {
            Unsupported(operation, mustBeVariable
                ? "a ref or out argument must be a local, a global or *pointer"
                : $"values of type '{operation.Type?.ToDisplayString()}' can be passed by 'in' only as locals or globals");
            return Operand.C(0);
        }

        var value = Convert(LowerExpression(operation), t, operation);
        int bytes = t.Bits / 8;
        int slot = Function.NewSlot(System.Math.Max(bytes, 8), 8, TemporaryOrigin(operation));
        Emit(new IrInst(IrOp.Store) { Slot = slot, Size = t.Size, A = value.Operand });
        return Operand.R(Def(new IrInst(IrOp.StackAddress) { Slot = slot }));
    }

    private int SizeOf(ITypeSymbol type, IOperation origin)
    {
        if (DataTypes.Of(type, out string reason) is { } layout)
            return layout.Size;
        Unsupported(origin, reason);
        return 8;
    }

    /// <summary>Where an out argument is written: a stack slot when it is a local (so no register holds its address), else an address.</summary>
    private (Operand Base, int Slot, int Offset) OutDestination(IOperation operation, ITypeSymbol type)
    {
        if (StructOf(type) is { } layout)
            return StructArgument(operation, layout, mustBeVariable: true) ?? (Operand.C(0), -1, 0);
        var referenced = operation is IDeclarationExpressionOperation { Expression: var declared } ? declared : operation;
        if (referenced is ILocalReferenceOperation { IsDeclaration: true } declaration && IntType.From(declaration.Local.Type) is { } t
            && !_locals.ContainsKey(declaration.Local))
            _locals[declaration.Local] = Local.InSlot(Function.NewSlot(System.Math.Max(t.Bits / 8, 1), System.Math.Max(t.Bits / 8, 1), VariableOrigin(declaration.Local)), t);
        if (TryGetLocal(referenced, out var local) && local.IsInSlot)
            return (default, local.Slot, 0);
        return (AddressOf(operation, mustBeVariable: true, type), -1, 0);
    }

    /// <summary>
    /// Where a struct passed by reference to a helper lives: its own storage (a local, a parameter, a field, a
    /// pointed-to struct, an out variable declared in the call), or for an <c>in</c> argument that is a value, a new
    /// slot holding it.
    /// </summary>
    private (Operand Base, int Slot, int Offset)? StructArgument(IOperation operation, StructLayout layout, bool mustBeVariable)
    {
        if (!IsInitializer(operation) && StructAddress(Declared(operation)) is { } at)
            return at;
        if (!mustBeVariable && IsInitializer(operation))
            return CopyToNewSlot(layout, operation);
        Unsupported(operation, mustBeVariable
            ? "a ref or out struct argument must be a struct variable, a field or a pointed-to struct"
            : "an in struct argument must be a struct variable, a field, a pointed-to struct or a new struct");
        return null;
    }
}
