using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// The C layout of a struct, as clang would lay out the same struct for BPF: fields in declaration order at
/// their natural alignment (or at their [FieldOffset] under explicit layout), size rounded to the largest alignment.
/// </summary>
internal sealed class StructLayout
{
    private StructLayout(int size, int align, Dictionary<IFieldSymbol, int> offsets)
    {
        Size = size;
        Align = align;
        Offsets = offsets;
    }

    public int Size { get; }

    public int Align { get; }

    public Dictionary<IFieldSymbol, int> Offsets { get; }

    /// <summary>For an [InlineArray(n)] struct: n and the element type; 0 and null otherwise.</summary>
    public int InlineLength { get; private set; }

    public ITypeSymbol? ElementType { get; private set; }

    /// <summary>Size and alignment of a field: a fixed-size buffer holds FixedSize elements of its pointee.</summary>
    public static (int Size, int Align)? FieldSize(IFieldSymbol field)
    {
        if (field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol pointer && SizeOf(pointer.PointedAtType) is { } element)
            return (element.Size * field.FixedSize, element.Align);
        return SizeOf(field.Type);
    }

    /// <summary>Size and alignment of a field type; null when it is neither an integer, pointer nor supported struct.</summary>
    public static (int Size, int Align)? SizeOf(ITypeSymbol type)
    {
        if (IntType.From(type) is { } t) return (t.Bits / 8, t.Bits / 8);
        return Of(type) is { } layout ? (layout.Size, layout.Align) : null;
    }

    public static StructLayout? Of(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct } named || IntType.From(type) is not null)
            return null;
        if (named.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InlineArrayAttribute")
            is { ConstructorArguments.Length: 1 } inline && inline.ConstructorArguments[0].Value is int length && length > 0)
        {
            var elementField = named.GetMembers().OfType<IFieldSymbol>().SingleOrDefault(f => !f.IsStatic && !f.IsConst);
            if (elementField is null || SizeOf(elementField.Type) is not { } e) return null;
            return new StructLayout(e.Size * length, e.Align, new Dictionary<IFieldSymbol, int>(SymbolEqualityComparer.Default) { [elementField] = 0 })
            {
                InlineLength = length,
                ElementType = elementField.Type,
            };
        }

        bool explicitLayout = named.GetAttributes().Any(a => a.AttributeClass?.Name == "StructLayoutAttribute"
            && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is int kind && kind == 2);
        var offsets = new Dictionary<IFieldSymbol, int>(SymbolEqualityComparer.Default);
        int offset = 0, size = 0, align = 1;
        foreach (var field in named.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
        {
            if (FieldSize(field) is not { } f) return null;
            int at;
            if (explicitLayout)
            {
                var attribute = field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "FieldOffsetAttribute");
                if (attribute?.ConstructorArguments.FirstOrDefault().Value is not int explicitOffset) return null;
                at = explicitOffset;
            }
            else
            {
                at = (offset + f.Align - 1) & ~(f.Align - 1);
            }
            offsets[field] = at;
            offset = at + f.Size;
            size = System.Math.Max(size, offset);
            align = System.Math.Max(align, f.Align);
        }
        size = (size + align - 1) & ~(align - 1);
        return new StructLayout(System.Math.Max(size, 1), align, offsets);
    }
}
