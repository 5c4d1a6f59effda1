using System.Linq;
using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

internal sealed partial class MethodLowering
{
    /// <summary>Locals whose address is taken (&amp;x, ref x, out x) live in a stack slot instead of a register.</summary>
    private System.Collections.Generic.HashSet<ISymbol>? _addressTaken;

    /// <summary>Ref parameters of inlined calls and ref locals bound to memory places.</summary>
    private readonly System.Collections.Generic.Dictionary<ISymbol, Place> _refParameters = new(SymbolEqualityComparer.Default);

    /// <summary>Struct locals: their stack slot and layout.</summary>
    private readonly System.Collections.Generic.Dictionary<ISymbol, (int Slot, StructLayout Layout)> _structs = new(SymbolEqualityComparer.Default);

    private bool NeedsSlot(ISymbol symbol) => _addressTaken?.Contains(symbol) == true;

    private void FindAddressTaken(IOperation body)
    {
        _addressTaken ??= new System.Collections.Generic.HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var op in body.DescendantsAndSelf())
        {
            IOperation? referenced = op switch
            {
                IAddressOfOperation a => a.Reference,
                IArgumentOperation { Parameter.RefKind: not RefKind.None } arg => arg.Value,
                IVariableDeclaratorOperation { Symbol.IsRef: true, Initializer: { } init } => init.Value,
                _ => null,
            };
            if (referenced is IDeclarationExpressionOperation { Expression: var declared }) referenced = declared;
            if (referenced is ILocalReferenceOperation l) _addressTaken.Add(l.Local);
            if (referenced is IParameterReferenceOperation p) _addressTaken.Add(p.Parameter);
        }
    }

    private Value LowerFieldRead(IFieldReferenceOperation field)
    {
        var symbol = field.Field;
        // A fixed-size buffer's value is its address (the field's type is a pointer, but no pointer is stored there).
        if (symbol.IsFixedSizeBuffer && field.Instance is { } owner && FieldAddress(owner, symbol) is { } buffer)
            return AddressValue(buffer);
        if (GlobalPlace(field) is { } global)
            return ReadPlace(global, field);
        if (symbol.IsConst && symbol.ConstantValue is not null && IntType.From(symbol.Type) is { } constType)
            return Value.Const(ToLong(symbol.ConstantValue), constType);
        if (symbol.IsStatic && symbol.IsReadOnly && IntType.From(symbol.Type) is { } type && StaticInitializer(symbol) is { } value)
            return Value.Const(value, type);
        var place = LowerMemoryPlace(field);
        if (place is null)
            return Unsupported(field, "only const and static readonly fields with constant initializers, and fields of structs, can be read");
        return ReadPlace(place, field);
    }

    private static long ToLong(object v) => v switch
    {
        ulong u => unchecked((long)u),
        bool b => b ? 1 : 0,
        char c => c,
        _ => System.Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The constant initializer of a static readonly field, folded as if it were const.</summary>
    private long? StaticInitializer(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellationToken) is VariableDeclaratorSyntax { Initializer: { } init })
            {
                var model = _compilation.GetSemanticModel(init.SyntaxTree);
                var constant = model.GetConstantValue(init.Value, _cancellationToken);
                if (!constant.HasValue || constant.Value is null || constant.Value is string) return null;
                return ToLong(constant.Value);
            }
        }
        return null;
    }

    /// <summary>
    /// Memory places: fields of struct locals and of structs behind pointers, pointer dereferences and element access.
    /// Roslyn has no operation for *p, p->f or p[i] (they come as OperationKind.None), so those are read from syntax.
    /// </summary>
    private Place? LowerMemoryPlace(IOperation target)
    {
        if (ContextPlace(target) is { } context)
            return context;
        switch (target)
        {
            case IFieldReferenceOperation { Instance: { } instance } field when IntType.From(field.Type) is { } fieldType:
                return FieldAddress(instance, field.Field) is { } at ? Place.At(at.Base, at.Slot, at.Offset, fieldType) : null;
            case IParenthesizedOperation paren:
                return LowerMemoryPlace(paren.Operand);
            case IInlineArrayAccessOperation access when IntType.From(access.Type) is { } elementType:
                return InlineArrayElement(access) is { } element ? Place.At(element.Base, element.Slot, element.Offset, elementType) : null;
            case { Kind: OperationKind.None } when IntType.From(target.Type) is { } type:
                return PointerPlace(target, type);
            case IParameterReferenceOperation { Parameter: var p } when _refParameters.TryGetValue(p, out var bound):
                return bound;
            case ILocalReferenceOperation { Local: var l } when _refParameters.TryGetValue(l, out var bound):
                return bound;
            case ILocalReferenceOperation or IParameterReferenceOperation when TryGetLocal(target, out var local) && local.IsInSlot:
                return Place.Of(local);
            default:
                return null;
        }
    }

    /// <summary>Where a struct-typed expression lives: a stack slot or a register base, plus an offset.</summary>
    private (Operand Base, int Slot, int Offset)? StructAddress(IOperation instance)
    {
        switch (instance)
        {
            case ILocalReferenceOperation { Local: var l } when _structs.TryGetValue(l, out var s):
                return (default, s.Slot, 0);
            case IParameterReferenceOperation { Parameter: var p } when _structs.TryGetValue(p, out var s):
                return (default, s.Slot, 0);
            case IParameterReferenceOperation { Parameter: var p } when _structPlaces.TryGetValue(p, out var at):
                return at;
            case ILocalReferenceOperation { Local: var l } when _structPlaces.TryGetValue(l, out var at):
                return at;
            case IInvocationOperation call:
                return LowerStructCall(call);
            case IFieldReferenceOperation { Field.IsStatic: true } when GlobalAddress(instance) is { } global:
                return (global.Base, -1, global.Offset);
            case IFieldReferenceOperation { Instance: { } inner } f:
                return FieldAddress(inner, f.Field);
            case IParenthesizedOperation paren:
                return StructAddress(paren.Operand);
            case IInlineArrayAccessOperation access:
                return InlineArrayElement(access);
            case { Kind: OperationKind.None }:
                return PointerAddress(instance);
            default:
                return null;
        }
    }

    private (Operand Base, int Slot, int Offset)? FieldAddress(IOperation instance, IFieldSymbol field)
    {
        var layout = StructLayout.Of(field.ContainingType);
        if (layout is null || !layout.Offsets.TryGetValue(field, out int offset)) return null;
        if (StructAddress(instance) is not { } at) return null;
        return (at.Base, at.Slot, at.Offset + offset);
    }

    /// <summary>*p, p->f's struct and p[i], from the syntax of an operation Roslyn does not model.</summary>
    private (Operand Base, int Slot, int Offset)? PointerAddress(IOperation operation)
    {
        var children = operation.ChildOperations.ToList();
        switch (operation.Syntax)
        {
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PointerIndirectionExpression } when children.Count == 1:
                return (Snapshot(LowerExpression(children[0])).Operand, -1, 0);
            // p->f: Roslyn gives the field reference an instance of kind None whose syntax is p itself.
            case ExpressionSyntax pointerExpression when pointerExpression.Parent is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.PointerMemberAccessExpression } access
                && access.Expression == pointerExpression && children.Count == 1:
                return (Snapshot(LowerExpression(children[0])).Operand, -1, 0);
            case ElementAccessExpressionSyntax when children.Count == 2 && children[0].Type is IPointerTypeSymbol pointer
                && StructLayout.SizeOf(pointer.PointedAtType) is { } element:
            {
                if (FixedBufferElement(children[0], children[1]) is { } bufferElement)
                    return bufferElement;
                var basePointer = LowerExpression(children[0]);
                var index = LowerExpression(children[1]);
                if (index.Operand.IsConst)
                    return (Snapshot(basePointer).Operand, -1, checked((int)(ConstantValueOf(index) * element.Size)));
                return (PointerOffset(basePointer, index, element.Size, subtract: false).Operand, -1, 0);
            }
            default:
                return null;
        }
    }

    private Place? PointerPlace(IOperation operation, IntType type) =>
        PointerAddress(operation) is { } at ? Place.At(at.Base, at.Slot, at.Offset, type) : null;

    /// <summary>pointer ± index * size, with the index sign-extended as C# does.</summary>
    private Value PointerOffset(Value pointer, Value index, int size, bool subtract)
    {
        var scaled = Convert(index, IntType.Long, null);
        if (size != 1)
            scaled = new Value(Operand.R(Def(new IrInst(IrOp.Bin) { Bin = BinOp.Mul, A = scaled.Operand, B = Operand.C(size), Width = Width.W64 })), IntType.Long);
        int v = Def(new IrInst(IrOp.Bin) { Bin = subtract ? BinOp.Sub : BinOp.Add, A = pointer.Operand, B = scaled.Operand, Width = Width.W64 });
        return new Value(Operand.R(v), IntType.ULong);
    }

    private Value LowerAddressOf(IAddressOfOperation addressOf)
    {
        var reference = addressOf.Reference;
        if (StructAddress(reference) is { } structAt)
            return AddressValue(structAt);
        var place = LowerMemoryPlace(reference);
        if (place is not { IsMemory: true } p)
            return Unsupported(addressOf, "the address of this expression cannot be taken");
        return AddressValue((p.Base, p.Slot, p.Offset));
    }

    private Value AddressValue((Operand Base, int Slot, int Offset) at)
    {
        if (at.Slot >= 0)
            return new Value(Operand.R(Def(new IrInst(IrOp.StackAddress) { Slot = at.Slot, Offset = at.Offset })), IntType.ULong);
        if (at.Offset == 0)
            return new Value(at.Base, IntType.ULong);
        return new Value(Operand.R(Def(new IrInst(IrOp.Bin) { Bin = BinOp.Add, A = at.Base, B = Operand.C(at.Offset), Width = Width.W64 })), IntType.ULong);
    }

    private void LowerRefLocal(IVariableDeclaratorOperation declarator, IVariableInitializerOperation? initializer)
    {
        if (initializer is null)
        {
            Unsupported(declarator, "a ref local needs an initializer");
            return;
        }
        if (StructOf(declarator.Symbol.Type) is not null)
        {
            if (StructAddress(initializer.Value) is { } structAt) _structPlaces[declarator.Symbol] = structAt;
            else Unsupported(declarator, "a ref local of a struct must refer to a struct local, parameter, field or pointed-to struct");
        }
        else if (TryGetLocal(initializer.Value, out var aliased))
            _locals[declarator.Symbol] = aliased;
        else if (LowerMemoryPlace(initializer.Value) is { } place)
            _refParameters[declarator.Symbol] = place;
        else
            Unsupported(declarator, "a ref local must refer to a local, a parameter, a struct field or pointed-to memory");
    }

    private void LowerAggregateLocal(IVariableDeclaratorOperation declarator, IVariableInitializerOperation? initializer)
    {
        var layout = StructLayout.Of(declarator.Symbol.Type);
        if (layout is null)
        {
            Unsupported(declarator, $"locals of type '{declarator.Symbol.Type.ToDisplayString()}' are not supported");
            return;
        }
        int slot = Function.NewSlot((layout.Size + 7) & ~7, 8, VariableOrigin(declarator.Symbol));
        _structs[declarator.Symbol] = (slot, layout);
        // Without an initializer the slot is zeroed anyway: copying the struct later reads its padding,
        // and the verifier rejects reads of stack bytes never written.
        if (initializer is not null)
            InitializeStruct(slot, 0, layout, initializer.Value);
        else
            ZeroSlot(slot, 0, layout.Size);
    }

    /// <summary>Fills a struct in place from default, new S(), new S { F = v }, or a copy of another struct.</summary>
    private void InitializeStruct(int slot, int offset, StructLayout layout, IOperation value) => InitializeStruct((default, slot, offset), layout, value);

    private void InitializeStruct((Operand Base, int Slot, int Offset) to, StructLayout layout, IOperation value)
    {
        int slot = to.Slot, offset = to.Offset;
        while (value is IConversionOperation { Conversion.IsIdentity: true } or IConversionOperation { Operand: IDefaultValueOperation })
            value = ((IConversionOperation)value).Operand;
        switch (value)
        {
            case IDefaultValueOperation:
            case IObjectCreationOperation { Initializer: null, Arguments.Length: 0 }:
                ZeroMemory(to, layout.Size, layout.Align);
                return;
            case IObjectCreationOperation { Arguments.Length: 0, Initializer: { } init }:
                ZeroMemory(to, layout.Size, layout.Align);
                foreach (var member in init.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: IFieldSymbol nested } } nestedAssignment
                        && layout.Offsets.TryGetValue(nested, out int nestedAt) && StructOf(nested.Type) is { } nestedLayout)
                    {
                        StoreStruct((to.Base, slot, offset + nestedAt), nestedLayout, nestedAssignment.Value);
                    }
                    else if (member is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: IFieldSymbol field } } assignment
                        && layout.Offsets.TryGetValue(field, out int at) && IntType.From(field.Type) is { } type)
                    {
                        var v = Convert(LowerExpression(assignment.Value), type, assignment);
                        Emit(new IrInst(IrOp.Store) { Base = to.Base, Slot = slot, Offset = offset + at, Size = type.Size, A = v.Operand });
                    }
                    else
                    {
                        Unsupported(member, "only field initializers of integer type are supported");
                    }
                }
                return;
            default:
                if (StructAddress(value) is { } source)
                {
                    CopyMemory(to, source, layout.Size, layout.Align);
                    return;
                }
                Unsupported(value, "this struct initializer is not supported");
                return;
        }
    }

    private void ZeroSlot(int slot, int offset, int size) => ZeroMemory((default, slot, offset), size, 1);

    /// <summary>Zeroes <paramref name="size"/> bytes holding a value whose type is <paramref name="typeAlign"/>-aligned.</summary>
    private void ZeroMemory((Operand Base, int Slot, int Offset) to, int size, int typeAlign)
    {
        for (int at = 0; at < size;)
        {
            int chunk = Chunk(size - at, Alignment(to, typeAlign, at));
            Emit(new IrInst(IrOp.Store) { Base = to.Base, Slot = to.Slot, Offset = to.Offset + at, Size = (MemSize)chunk, A = Operand.C(0) });
            at += chunk;
        }
    }

    /// <summary>Copies a value of <paramref name="size"/> bytes whose type is <paramref name="typeAlign"/>-aligned.</summary>
    private void CopyMemory((Operand Base, int Slot, int Offset) to, (Operand Base, int Slot, int Offset) from, int size, int typeAlign)
    {
        for (int at = 0; at < size;)
        {
            int chunk = Chunk(size - at, System.Math.Min(Alignment(to, typeAlign, at), Alignment(from, typeAlign, at)));
            int v = Def(new IrInst(IrOp.Load) { Slot = from.Slot, Base = from.Base, Offset = from.Offset + at, Size = (MemSize)chunk });
            Emit(new IrInst(IrOp.Store) { Slot = to.Slot, Base = to.Base, Offset = to.Offset + at, Size = (MemSize)chunk, A = Operand.R(v) });
            at += chunk;
        }
    }

    /// <summary>
    /// The widest access (up to 8 bytes) that byte <paramref name="position"/> of a value at <paramref name="at"/> is
    /// aligned for, as clang decides it: in a stack slot, from the slot's alignment and the exact offset (the verifier
    /// refuses misaligned stack accesses); behind a pointer, only from what C promises for the value's type.
    /// </summary>
    private int Alignment((Operand Base, int Slot, int Offset) at, int typeAlign, int position)
    {
        bool inSlot = at.Slot >= 0;
        int align = System.Math.Max(1, System.Math.Min(inSlot ? Function.Slots[at.Slot].Align : typeAlign, 8));
        int offset = (inSlot ? at.Offset : 0) + position;
        while (offset % align != 0)
            align /= 2;
        return align;
    }

    /// <summary>The widest power-of-two access that fits in what is left and the alignment.</summary>
    private static int Chunk(int left, int align)
    {
        int chunk = align;
        while (chunk > left)
            chunk /= 2;
        return chunk;
    }

    private Value LowerStructAssignment(ISimpleAssignmentOperation assignment)
    {
        var layout = assignment.Target.Type is { } t ? StructLayout.Of(t) : null;
        if (layout is null || StructAddress(assignment.Target) is not { } to)
            return Unsupported(assignment, $"assigning values of type '{assignment.Target.Type?.ToDisplayString()}' is not supported");
        StoreStruct(to, layout, assignment.Value);
        return Value.Const(0, IntType.Long);
    }

    /// <summary>stackalloc T[n] with a constant n: a zeroed stack slot, as C# zero-initializes it.</summary>
    private Value LowerStackAlloc(IOperation operation)
    {
        if (operation.Syntax is not StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax array }
            || array.RankSpecifiers.Count != 1 || array.RankSpecifiers[0].Sizes.Count != 1
            || operation.Type is not IPointerTypeSymbol pointer || StructLayout.SizeOf(pointer.PointedAtType) is not { } element)
            return Unsupported(operation, "only stackalloc T[constant] assigned to a pointer is supported");
        var model = _compilation.GetSemanticModel(operation.Syntax.SyntaxTree);
        var count = model.GetConstantValue(array.RankSpecifiers[0].Sizes[0], _cancellationToken);
        if (!count.HasValue || count.Value is null)
            return Unsupported(operation, "stackalloc needs a constant size");
        int size = checked((int)ToLong(count.Value) * element.Size);
        int slot = Function.NewSlot((size + 7) & ~7, 8, StackAllocOrigin(operation));
        ZeroSlot(slot, 0, size);
        return new Value(Operand.R(Def(new IrInst(IrOp.StackAddress) { Slot = slot })), IntType.ULong);
    }
}
