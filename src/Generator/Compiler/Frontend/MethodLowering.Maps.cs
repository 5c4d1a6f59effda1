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
        int pointer = Def(new IrInst(IrOp.CallHelper) { Imm = MapLookup, Args = new[] { mapPointer, key } });
        var valueArgument = invocation.Arguments[1];
        int size = SizeOf(valueArgument.Parameter!.Type, invocation);
        var destination = ArgumentOperand(valueArgument);

        int found = Function.NewReg();
        IrBlock hit = NewBlock(), miss = NewBlock(), join = NewBlock();
        EmitBranch(Cond.Eq, Width.W64, Operand.R(pointer), Operand.C(0), miss, hit);
        Enter(hit);
        Copy(destination, Operand.R(pointer), size);
        Emit(new IrInst(IrOp.Mov) { Dst = found, A = Operand.C(1), Width = Width.W64 });
        EmitJump(join);
        Enter(miss);
        Zero(destination, size);
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
        // A struct (a key, a value, a record) is passed where it lives; a struct value with no home gets a stack copy.
        if (StructOf(operation.Type) is { } layout)
        {
            if (StructAddress(Declared(operation)) is { } structAt)
                return AddressValue(structAt).Operand;
            if (!mustBeVariable)
                return AddressValue(CopyToNewSlot(layout, operation)).Operand;
        }
        while (operation is IDeclarationExpressionOperation declaration)
            operation = declaration.Expression;
        switch (operation)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation:
            {
                bool found = TryGetLocal(operation, out var local);
                if (!found && operation is ILocalReferenceOperation { IsDeclaration: true } declared
                    && IntType.From(declared.Local.Type) is { } type)
                {
                    local = Local.InSlot(Function.NewSlot(System.Math.Max(type.Bits / 8, 1), System.Math.Max(type.Bits / 8, 1)), type);
                    _locals[declared.Local] = local;
                    found = true;
                }
                if (found && local.IsInSlot)
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
        int slot = Function.NewSlot(System.Math.Max(bytes, 8), 8);
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

    /// <summary>Copies <paramref name="size"/> bytes between two addresses, 8 bytes at a time while it can.</summary>
    private void Copy(Operand destination, Operand source, int size)
    {
        for (int offset = 0; offset < size;)
        {
            var chunk = Chunk(size - offset);
            int v = Def(new IrInst(IrOp.Load) { Base = source, Offset = offset, Size = chunk });
            Emit(new IrInst(IrOp.Store) { Base = destination, Offset = offset, Size = chunk, A = Operand.R(v) });
            offset += (int)chunk;
        }
    }

    private void Zero(Operand destination, int size)
    {
        for (int offset = 0; offset < size;)
        {
            var chunk = Chunk(size - offset);
            Emit(new IrInst(IrOp.Store) { Base = destination, Offset = offset, Size = chunk, A = Operand.C(0) });
            offset += (int)chunk;
        }
    }

    private static MemSize Chunk(int left) => left >= 8 ? MemSize.B8 : left >= 4 ? MemSize.B4 : left >= 2 ? MemSize.B2 : MemSize.B1;
}
