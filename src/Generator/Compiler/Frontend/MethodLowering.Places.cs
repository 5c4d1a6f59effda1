using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>An assignable location: a local in a register, or memory at base (register or stack slot) + offset.</summary>
internal readonly record struct Place(bool IsMemory, Local Local, Operand Base, int Slot, int Offset, IntType Type)
{
    public static Place Of(Local local) => local.IsInSlot ? InSlot(local.Slot, 0, local.Type) : new(false, local, default, -1, 0, local.Type);

    public static Place InSlot(int slot, int offset, IntType type) => new(true, default, default, slot, offset, type);

    public static Place At(Operand address, int offset, IntType type) => new(true, default, address, -1, offset, type);

    public static Place At(Operand address, int slot, int offset, IntType type) => new(true, default, address, slot, offset, type);
}

internal sealed partial class MethodLowering
{
    /// <summary>Lowers an assignment target to a place; null (after a diagnostic) when it cannot be one.</summary>
    private Place? LowerPlace(IOperation target)
    {
        ISymbol? referenced = (target as IParameterReferenceOperation)?.Parameter ?? (ISymbol?)(target as ILocalReferenceOperation)?.Local;
        if (referenced is not null && _refParameters.TryGetValue(referenced, out var bound))
            return bound;
        if (target is IParameterReferenceOperation or ILocalReferenceOperation)
        {
            if (TryGetLocal(target, out var local))
                return Place.Of(local);
            Unsupported(target, "this variable's type is not supported");
            return null;
        }

        var memory = GlobalPlace(target) ?? LowerMemoryPlace(target);
        if (memory is null)
            Unsupported(target, $"assigning to '{target.Kind}' is not supported");
        return memory;
    }

    private Value ReadPlace(Place? place, IOperation origin)
    {
        if (place is not { } p)
            return Value.Const(0, IntType.Long);
        if (!p.IsMemory)
            return new Value(Operand.R(p.Local.Register), p.Type);
        return LoadTyped(new IrInst(IrOp.Load) { Slot = p.Slot, Base = p.Base, Offset = p.Offset }, p.Type);
    }

    private void WritePlace(Place? place, Value value, IOperation origin)
    {
        if (place is not { } p)
            return;
        if (!p.IsMemory)
            WriteLocal(p.Local, value);
        else
            Emit(new IrInst(IrOp.Store) { Slot = p.Slot, Base = p.Base, Offset = p.Offset, Size = p.Type.Size, A = value.Operand });
    }

    private Value Store(IOperation target, Value value)
    {
        var place = LowerPlace(target);
        WritePlace(place, value, target);
        return value;
    }
}
