using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Compiler.Data;

/// <summary>
/// The C layout of an unmanaged C# type, as <c>sizeof</c> sees it for sequential and explicit structs: fields in
/// order, each at its alignment (capped by Pack), the size rounded up to the struct's alignment.
/// </summary>
internal static class DataTypes
{
    /// <summary>The layout of <paramref name="type"/>, or null with <paramref name="reason"/> saying why it has none.</summary>
    public static DataType? Of(ITypeSymbol type, out string reason)
    {
        reason = "";
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        return Of(type, seen, ref reason);
    }

    private static DataType? Of(ITypeSymbol type, HashSet<ITypeSymbol> seen, ref string reason)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return new IntData("bool", 1, IntEncoding.Bool);
            case SpecialType.System_Char: return new IntData("char", 2, IntEncoding.Char);
            case SpecialType.System_SByte: return new IntData("sbyte", 1, IntEncoding.Signed);
            case SpecialType.System_Byte: return new IntData("byte", 1, IntEncoding.Unsigned);
            case SpecialType.System_Int16: return new IntData("short", 2, IntEncoding.Signed);
            case SpecialType.System_UInt16: return new IntData("ushort", 2, IntEncoding.Unsigned);
            case SpecialType.System_Int32: return new IntData("int", 4, IntEncoding.Signed);
            case SpecialType.System_UInt32: return new IntData("uint", 4, IntEncoding.Unsigned);
            case SpecialType.System_Int64: return new IntData("long", 8, IntEncoding.Signed);
            case SpecialType.System_UInt64: return new IntData("ulong", 8, IntEncoding.Unsigned);
            case SpecialType.System_IntPtr: return new IntData("nint", 8, IntEncoding.Signed);
            case SpecialType.System_UIntPtr: return new IntData("nuint", 8, IntEncoding.Unsigned);
            case SpecialType.System_Single: return new FloatData("float", 4);
            case SpecialType.System_Double: return new FloatData("double", 8);
        }

        if (type is IPointerTypeSymbol pointer)
            return new PointerData(pointer.PointedAtType.SpecialType == SpecialType.System_Void ? null : Of(pointer.PointedAtType, seen, ref reason));
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } e)
            return EnumOf(e, underlying);
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Struct } s)
        {
            if (!seen.Add(s))
            {
                reason = $"'{s.ToDisplayString()}' contains itself";
                return null;
            }
            var result = StructOf(s, seen, ref reason);
            seen.Remove(s);
            return result;
        }

        reason = $"'{type.ToDisplayString()}' is not an unmanaged type (a primitive, enum, pointer or struct of those)";
        return null;
    }

    private static EnumData EnumOf(INamedTypeSymbol e, INamedTypeSymbol underlying)
    {
        var values = e.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue)
            .Select(f => new KeyValuePair<string, long>(f.Name, f.ConstantValue is ulong u ? unchecked((long)u) : System.Convert.ToInt64(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var size = underlying.SpecialType switch
        {
            SpecialType.System_Byte or SpecialType.System_SByte => 1,
            SpecialType.System_Int16 or SpecialType.System_UInt16 => 2,
            SpecialType.System_Int64 or SpecialType.System_UInt64 => 8,
            _ => 4,
        };
        bool signed = underlying.SpecialType is SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64;
        return new EnumData(Identifier(e), size, signed, values);
    }

    private static StructData? StructOf(INamedTypeSymbol s, HashSet<ITypeSymbol> seen, ref string reason)
    {
        var (kind, pack, declaredSize) = LayoutOf(s);
        if (kind == LayoutKind.Auto)
        {
            reason = $"'{s.ToDisplayString()}' has LayoutKind.Auto, whose field order the kernel cannot know";
            return null;
        }

        var fields = new List<DataField>();
        int offset = 0, align = 1, end = 0;
        foreach (var field in s.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
        {
            DataType? fieldType = field.IsFixedSizeBuffer && field.Type is IPointerTypeSymbol element
                ? (Of(element.PointedAtType, seen, ref reason) is { } e ? new ArrayData(e, field.FixedSize) : null)
                : Of(field.Type, seen, ref reason);
            if (fieldType is null)
            {
                reason = $"field '{s.Name}.{field.Name}': {reason}";
                return null;
            }

            int fieldAlign = pack > 0 ? System.Math.Min(pack, fieldType.Align) : fieldType.Align;
            if (kind == LayoutKind.Explicit)
            {
                offset = ExplicitOffset(field) ?? 0;
            }
            else
            {
                offset = (offset + fieldAlign - 1) / fieldAlign * fieldAlign;
            }
            fields.Add(new DataField(Name(field), offset, fieldType));
            align = System.Math.Max(align, fieldAlign);
            offset += fieldType.Size;
            end = System.Math.Max(end, offset);
        }

        if (fields.Count == 0)
        {
            reason = $"'{s.ToDisplayString()}' has no fields";
            return null;
        }
        int size = (end + align - 1) / align * align;
        if (declaredSize > size)
            size = declaredSize;
        return new StructData(Identifier(s), size, align, fields);
    }

    /// <summary>A field's name; backing fields of auto-properties are named after the property.</summary>
    private static string Name(IFieldSymbol field) => field.AssociatedSymbol is IPropertySymbol p ? p.Name : field.Name;

    private static (LayoutKind Kind, int Pack, int Size) LayoutOf(INamedTypeSymbol s)
    {
        foreach (var attribute in s.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != "System.Runtime.InteropServices.StructLayoutAttribute")
                continue;
            var kind = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int k ? (LayoutKind)k : LayoutKind.Sequential;
            int pack = 0, size = 0;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Pack" && named.Value.Value is int p) pack = p;
                if (named.Key == "Size" && named.Value.Value is int z) size = z;
            }
            return (kind, pack, size);
        }
        return (LayoutKind.Sequential, 0, 0);
    }

    private static int? ExplicitOffset(IFieldSymbol field)
    {
        foreach (var attribute in field.GetAttributes())
            if (attribute.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.FieldOffsetAttribute"
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int offset)
                return offset;
        return null;
    }

    /// <summary>A C identifier for a C# type: its name, with generic arguments appended (<c>Pair_int_long</c>).</summary>
    public static string Identifier(INamedTypeSymbol type)
    {
        var sb = new StringBuilder(type.Name);
        foreach (var argument in type.TypeArguments)
            sb.Append('_').Append(argument is INamedTypeSymbol n ? Identifier(n) : argument.Name);
        for (int i = 0; i < sb.Length; i++)
            if (!(char.IsLetterOrDigit(sb[i]) && sb[i] < 128) && sb[i] != '_')
                sb[i] = '_';
        return sb.ToString();
    }
}
