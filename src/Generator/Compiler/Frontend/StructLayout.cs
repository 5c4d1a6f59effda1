using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// Where the CLR places the fields of an unmanaged struct, which is where a C compiler would: sequential fields at
/// their natural alignment (or Pack), explicit ones at their [FieldOffset], fixed buffers as arrays of their element.
/// The programs' memory reads and the tracepoint format check both use this one layout.
/// </summary>
internal static class StructLayout
{
    /// <summary>One instance field: its name, offset, size and symbol.</summary>
    public readonly record struct Field(string Name, int Offset, int Size, IFieldSymbol Symbol);

    public static int SizeOf(ITypeSymbol type) => Measure(type).Size;

    /// <summary>The instance fields of <paramref name="type"/> in declaration order; null when it is not an unmanaged struct.</summary>
    public static IReadOnlyList<Field>? FieldsOf(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct } named || !type.IsUnmanagedType)
            return null;
        var fields = new List<Field>();
        var (kind, pack) = LayoutOf(named);
        int offset = 0;
        foreach (var field in InstanceFields(named))
        {
            var (size, align) = MeasureField(field);
            if (pack > 0 && align > pack) align = pack;
            int at = kind == LayoutKindExplicit ? ExplicitOffset(field) : Align(offset, align);
            fields.Add(new Field(field.Name, at, size, field));
            offset = System.Math.Max(offset, at + size);
        }
        return fields;
    }

    public static Field? Find(ITypeSymbol type, IFieldSymbol field)
    {
        foreach (var f in FieldsOf(type) ?? System.Array.Empty<Field>())
        {
            if (SymbolEqualityComparer.Default.Equals(f.Symbol, field))
                return f;
        }
        return null;
    }

    private const int LayoutKindExplicit = 2;

    private static (int Size, int Align) Measure(ITypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            return (8, 8);
        if (type is INamedTypeSymbol { EnumUnderlyingType: { } underlying })
            return Measure(underlying);
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: case SpecialType.System_Byte: case SpecialType.System_SByte: return (1, 1);
            case SpecialType.System_Int16: case SpecialType.System_UInt16: case SpecialType.System_Char: return (2, 2);
            case SpecialType.System_Int32: case SpecialType.System_UInt32: case SpecialType.System_Single: return (4, 4);
            case SpecialType.System_Int64: case SpecialType.System_UInt64: case SpecialType.System_Double:
            case SpecialType.System_IntPtr: case SpecialType.System_UIntPtr: return (8, 8);
        }
        if (type is not INamedTypeSymbol named || FieldsOf(named) is not { } fields)
            return (0, 1);
        var (kind, pack) = LayoutOf(named);
        int align = 1, end = 0;
        foreach (var f in fields)
        {
            int a = MeasureField(f.Symbol).Align;
            align = System.Math.Max(align, pack > 0 ? System.Math.Min(a, pack) : a);
            end = System.Math.Max(end, f.Offset + f.Size);
        }
        int size = System.Math.Max(Align(end, align), ExplicitSize(named));
        return (size == 0 ? 1 : size, align);
    }

    private static (int Size, int Align) MeasureField(IFieldSymbol field)
    {
        if (field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer)
        {
            var element = Measure(pointer.PointedAtType);
            return (element.Size * field.FixedSize, element.Align);
        }
        return Measure(field.Type);
    }

    private static IEnumerable<IFieldSymbol> InstanceFields(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst);

    private static (int Kind, int Pack) LayoutOf(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.StructLayoutAttribute");
        if (attribute is null)
            return (0, 0);
        int kind = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int k ? k : 0;
        int pack = attribute.NamedArguments.FirstOrDefault(n => n.Key == "Pack").Value.Value is int p ? p : 0;
        return (kind, pack);
    }

    private static int ExplicitSize(INamedTypeSymbol type)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.StructLayoutAttribute");
        return attribute?.NamedArguments.FirstOrDefault(n => n.Key == "Size").Value.Value is int s ? s : 0;
    }

    private static int ExplicitOffset(IFieldSymbol field) =>
        field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.FieldOffsetAttribute")?
            .ConstructorArguments.FirstOrDefault().Value is int o ? o : 0;

    private static int Align(int value, int align) => align <= 1 ? value : (value + align - 1) / align * align;
}
