using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// Sizes and field offsets of unmanaged types as the CLR lays them out (sequential, natural alignment, Pack
/// and explicit offsets honoured): what a packet access through a <c>T*</c> touches.
/// </summary>
internal static class TypeLayout
{
    public static int? SizeOf(ITypeSymbol? type) => Layout(type, 0)?.Size;

    /// <summary>Offset and size of <paramref name="field"/> within its containing struct.</summary>
    public static (int Offset, int Size)? FieldOf(IFieldSymbol field)
    {
        var container = field.ContainingType;
        if (container is null || Layout(container, 0) is null)
            return null;
        int offset = 0;
        int pack = PackOf(container);
        foreach (var f in InstanceFields(container))
        {
            var layout = FieldLayout(f, 1);
            if (layout is null) return null;
            int align = Math.Min(layout.Value.Align, pack);
            offset = ExplicitOffset(f) ?? Align(offset, align);
            if (SymbolEqualityComparer.Default.Equals(f, field))
                return (offset, layout.Value.Size);
            offset += layout.Value.Size;
        }
        return null;
    }

    private static (int Size, int Align)? Layout(ITypeSymbol? type, int depth)
    {
        if (type is null || depth > 16)
            return null;
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: case SpecialType.System_Byte: case SpecialType.System_SByte: return (1, 1);
            case SpecialType.System_Int16: case SpecialType.System_UInt16: case SpecialType.System_Char: return (2, 2);
            case SpecialType.System_Int32: case SpecialType.System_UInt32: case SpecialType.System_Single: return (4, 4);
            case SpecialType.System_Int64: case SpecialType.System_UInt64: case SpecialType.System_Double:
            case SpecialType.System_IntPtr: case SpecialType.System_UIntPtr: return (8, 8);
        }
        if (type.TypeKind == TypeKind.Pointer)
            return (8, 8);
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
            return Layout(underlying, depth + 1);
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct } named)
            return null;

        int pack = PackOf(named);
        int size = 0, maxAlign = 1, end = 0;
        foreach (var field in InstanceFields(named))
        {
            var layout = FieldLayout(field, depth + 1);
            if (layout is null) return null;
            int align = Math.Min(layout.Value.Align, pack);
            maxAlign = Math.Max(maxAlign, align);
            int offset = ExplicitOffset(field) ?? Align(size, align);
            size = offset + layout.Value.Size;
            end = Math.Max(end, size);
        }
        return (Math.Max(1, Align(end, maxAlign)), maxAlign);
    }

    private static (int Size, int Align)? FieldLayout(IFieldSymbol field, int depth)
    {
        if (field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer && Layout(pointer.PointedAtType, depth) is { } element)
            return (element.Size * field.FixedSize, element.Align);
        return Layout(field.Type, depth);
    }

    private static System.Collections.Generic.IEnumerable<IFieldSymbol> InstanceFields(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst);

    private static int PackOf(INamedTypeSymbol type)
    {
        var layout = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "StructLayoutAttribute");
        var pack = layout?.NamedArguments.FirstOrDefault(n => n.Key == "Pack").Value.Value;
        return pack is int p && p > 0 ? p : 8;
    }

    private static int? ExplicitOffset(IFieldSymbol field) =>
        field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "FieldOffsetAttribute")?.ConstructorArguments.FirstOrDefault().Value as int?;

    private static int Align(int value, int align) => (value + align - 1) / align * align;
}
