using System.Globalization;

namespace BpfSharp.Generator.Tests.Oracle.Random;

/// <summary>A C# scalar type the random programs use, and how to write its literals.</summary>
internal sealed record ScalarType(string Name, Type Clr, bool Signed)
{
    public static readonly ScalarType Bool = new("bool", typeof(bool), false);
    public static readonly ScalarType Byte = new("byte", typeof(byte), false);
    public static readonly ScalarType SByte = new("sbyte", typeof(sbyte), true);
    public static readonly ScalarType Short = new("short", typeof(short), true);
    public static readonly ScalarType UShort = new("ushort", typeof(ushort), false);
    public static readonly ScalarType Char = new("char", typeof(char), false);
    public static readonly ScalarType Int = new("int", typeof(int), true);
    public static readonly ScalarType UInt = new("uint", typeof(uint), false);
    public static readonly ScalarType Long = new("long", typeof(long), true);
    public static readonly ScalarType ULong = new("ulong", typeof(ulong), false);

    public static readonly ScalarType[] Integers = { Byte, SByte, Short, UShort, Char, Int, UInt, Long, ULong };

    /// <summary>Types a divisor can be built in, so that <c>(x &amp; mask) + 1</c> keeps the dividend's type.</summary>
    public static readonly ScalarType[] Wide = { Int, UInt, Long, ULong };

    public bool IsBool => this == Bool;

    /// <summary>A literal of exactly this type, for any value (truncated to the type as C# would).</summary>
    public string Literal(long value)
    {
        var v = IntegerValues.ToClr(value, Clr);
        string text = IntegerValues.Format(v);
        return Name switch
        {
            "bool" => text,
            "ulong" => text + "UL",
            "uint" => text + "U",
            "long" => (long)v == long.MinValue ? "long.MinValue" : (long)v < 0 ? $"({text}L)" : text + "L",
            "int" => (int)v == int.MinValue ? "int.MinValue" : (int)v < 0 ? $"({text})" : text,
            _ => $"(({Name})({text}))",
        };
    }

    public override string ToString() => Name;

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
