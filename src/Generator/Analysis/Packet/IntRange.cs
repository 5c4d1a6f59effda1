using System;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// What the packet-bounds analysis knows of an integer: a range [Lo, Hi], and whether on every path the value is
/// one constant (<see cref="Exact"/>: built from literals, loop counters and arithmetic on them). The verifier
/// explores a bounded loop iteration by iteration, so it sees an exact value as a constant on each path and
/// folds it into a pointer's fixed offset; a value read from memory it knows only as a range.
/// </summary>
internal readonly record struct IntRange(long Lo, long Hi, bool Exact)
{
    /// <summary>The value in terms of a loop counter, when it is exactly that on every path.</summary>
    public Linear? Sym { get; init; }

    /// <summary>Beyond any offset a packet can have, and far from overflowing when ranges are added or scaled.</summary>
    public const long Infinity = 1L << 48;

    public static IntRange Constant(long value) => new(value, value, true);

    public static IntRange Unknown => new(-Infinity, Infinity, false);

    public bool IsConstant => Lo == Hi;

    public IntRange Join(IntRange other) =>
        new(Math.Min(Lo, other.Lo), Math.Max(Hi, other.Hi), Exact && other.Exact) { Sym = Equals(Sym, other.Sym) ? Sym : null };

    /// <summary>Bounds that keep moving at a loop head jump to infinity, so the iteration ends.</summary>
    public IntRange Widen(IntRange next) =>
        new(next.Lo < Lo ? -Infinity : Lo, next.Hi > Hi ? Infinity : Hi, Exact && next.Exact) { Sym = Equals(Sym, next.Sym) ? Sym : null };

    public IntRange Add(IntRange other) => Clamp(new(Lo + other.Lo, Hi + other.Hi, Exact && other.Exact) { Sym = SymOfSum(other) });

    public IntRange Negate() => new(-Hi, -Lo, Exact) { Sym = Sym?.Times(-1) };

    public IntRange Multiply(IntRange other)
    {
        if (!Bounded || !other.Bounded)
            return Unknown with { Exact = Exact && other.Exact };
        long a = Lo * other.Lo, b = Lo * other.Hi, c = Hi * other.Lo, d = Hi * other.Hi;
        var sym = other.IsConstant ? Sym?.Times(other.Lo) : IsConstant ? other.Sym?.Times(Lo) : null;
        return Clamp(new(Math.Min(Math.Min(a, b), Math.Min(c, d)), Math.Max(Math.Max(a, b), Math.Max(c, d)), Exact && other.Exact) { Sym = sym });
    }

    private Linear? SymOfSum(IntRange other)
    {
        if (!Exact || !other.Exact)
            return null;
        if (Sym is not null && other.Sym is not null)
            return Sym.Plus(other.Sym);
        if (Sym is not null && other.IsConstant)
            return Sym.Plus(other.Lo);
        if (other.Sym is not null && IsConstant)
            return other.Sym.Plus(Lo);
        return null;
    }

    /// <summary><c>x &amp; mask</c> with a non-negative mask is within [0, mask] whatever x is.</summary>
    public IntRange And(IntRange other)
    {
        bool exact = Exact && other.Exact;
        if (IsConstant && other.IsConstant)
            return new(Lo & other.Lo, Lo & other.Lo, exact);
        if (other.Lo >= 0 && Lo >= 0) return new(0, Math.Min(Hi, other.Hi), exact);
        if (other.Lo >= 0) return new(0, other.Hi, exact);
        if (Lo >= 0) return new(0, Hi, exact);
        return Unknown with { Exact = exact };
    }

    public IntRange ShiftRight(IntRange other) =>
        other.IsConstant && other.Lo is >= 0 and < 63 && Lo >= 0
            ? new(Lo >> (int)other.Lo, Hi >> (int)other.Lo, Exact && other.Exact)
            : Unknown with { Exact = Exact && other.Exact };

    public IntRange ShiftLeft(IntRange other) =>
        other.IsConstant && other.Lo is >= 0 and < 16 ? Multiply(Constant(1L << (int)other.Lo)) with { Exact = Exact && other.Exact } : Unknown with { Exact = Exact && other.Exact };

    /// <summary>x / c and x % c for a positive constant c.</summary>
    public IntRange Divide(IntRange other) =>
        other.IsConstant && other.Lo > 0 && Bounded ? new(Lo / other.Lo, Hi / other.Lo, Exact && other.Exact) : Unknown with { Exact = Exact && other.Exact };

    public IntRange Remainder(IntRange other) =>
        other.IsConstant && other.Lo > 0 && Lo >= 0 ? new(0, Math.Min(Hi, other.Lo - 1), Exact && other.Exact) : Unknown with { Exact = Exact && other.Exact };

    private bool Bounded => Lo > -Infinity && Hi < Infinity;

    private static IntRange Clamp(IntRange r) => r.Lo >= -Infinity && r.Hi <= Infinity ? r : new(Math.Max(r.Lo, -Infinity), Math.Min(r.Hi, Infinity), r.Exact);

    /// <summary>The values of an integer type (an unknown value of that type); null for anything else.</summary>
    public static IntRange? OfType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
            type = underlying;
        return type?.SpecialType switch
        {
            SpecialType.System_Boolean => new(0, 1, false),
            SpecialType.System_Byte => new(0, byte.MaxValue, false),
            SpecialType.System_SByte => new(sbyte.MinValue, sbyte.MaxValue, false),
            SpecialType.System_UInt16 or SpecialType.System_Char => new(0, ushort.MaxValue, false),
            SpecialType.System_Int16 => new(short.MinValue, short.MaxValue, false),
            SpecialType.System_UInt32 => new(0, uint.MaxValue, false),
            SpecialType.System_Int32 => new(int.MinValue, int.MaxValue, false),
            SpecialType.System_UInt64 or SpecialType.System_UIntPtr => new(0, Infinity, false),
            SpecialType.System_Int64 or SpecialType.System_IntPtr => Unknown,
            _ => null,
        };
    }

    /// <summary>This value converted to <paramref name="type"/>: unchanged when it fits, otherwise any value of the type (still one constant per path if it was).</summary>
    public IntRange ConvertTo(ITypeSymbol? type)
    {
        if (OfType(type) is not { } range)
            return this;
        if (Lo >= range.Lo && Hi <= range.Hi)
            return this;
        return range with { Exact = Exact, Sym = null };
    }

    public override string ToString() => Lo == Hi ? Lo.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"[{Lo}, {Hi}]";
}
