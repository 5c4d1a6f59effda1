using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// How a C# integer-like type lives in a register. Types of 32 bits or fewer are kept as C# promotes them:
/// the int (or uint) value in the low half, the upper half zero, so ALU32 and JMP32 apply directly.
/// </summary>
internal readonly record struct IntType(int Bits, bool Signed)
{
    public static readonly IntType Bool = new(8, false);
    public static readonly IntType Int = new(32, true);
    public static readonly IntType UInt = new(32, false);
    public static readonly IntType Long = new(64, true);
    public static readonly IntType ULong = new(64, false);

    /// <summary>The width arithmetic on this type runs at, after C#'s promotion to int.</summary>
    public Width Width => Bits == 64 ? Width.W64 : Width.W32;

    public MemSize Size => (MemSize)(Bits / 8);

    public static IntType? From(ITypeSymbol? type)
    {
        if (type is null) return null;
        if (type is INamedTypeSymbol { EnumUnderlyingType: { } underlying })
            return From(underlying);
        if (type.TypeKind == TypeKind.Pointer || type.TypeKind == TypeKind.FunctionPointer)
            return ULong;
        return type.SpecialType switch
        {
            SpecialType.System_Boolean => Bool,
            SpecialType.System_SByte => new IntType(8, true),
            SpecialType.System_Byte => new IntType(8, false),
            SpecialType.System_Int16 => new IntType(16, true),
            SpecialType.System_UInt16 => new IntType(16, false),
            SpecialType.System_Char => new IntType(16, false),
            SpecialType.System_Int32 => Int,
            SpecialType.System_UInt32 => UInt,
            SpecialType.System_Int64 => Long,
            SpecialType.System_UInt64 => ULong,
            SpecialType.System_IntPtr => Long,
            SpecialType.System_UIntPtr => ULong,
            // A map reference (an inner map a map of maps' lookup returned) is the kernel's map pointer.
            _ => Data.MapKind.Of(type) is not null ? ULong : null,
        };
    }

    /// <summary>The register content of the constant <paramref name="value"/> of this type.</summary>
    public long Canonical(long value) => Bits switch
    {
        64 => value,
        32 => Signed ? (long)(uint)(int)value : (long)(uint)value,
        16 => Signed ? (long)(uint)(short)value : (long)(ushort)value,
        _ => Signed ? (long)(uint)(sbyte)value : (long)(byte)value,
    };
}
