using System.Globalization;

namespace BpfSharp.Generator.Tests.Oracle;

/// <summary>
/// Integer values in the two forms the oracle compares: CLR objects of the parameter's type, and the 64-bit
/// register form the compiled code expects (32-bit and narrower values zero-extended from 32 bits, as the
/// compiler's calling convention keeps them).
/// </summary>
internal static class IntegerValues
{
    /// <summary>Values where integer code tends to go wrong, per type: zero, ±1, the extremes, the shift widths around 32 and 64.</summary>
    public static long[] Edges(Type type)
    {
        if (type == typeof(bool)) return new long[] { 0, 1 };
        if (type == typeof(byte)) return new long[] { 0, 1, 2, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 127, 128, 200, 254, 255 };
        if (type == typeof(sbyte)) return new long[] { 0, 1, -1, 2, 7, 8, -8, 31, 32, 33, 63, 64, -64, 127, -128, -127 };
        if (type == typeof(short) || type == typeof(ushort) || type == typeof(char))
            return new long[] { 0, 1, -1, 2, 7, 15, 16, 31, 32, 33, 63, 64, 65, 255, 256, 0x7fff, -0x8000, 0x1234 };
        if (type == typeof(int) || type == typeof(uint) || type.IsEnum)
            return new long[] { 0, 1, -1, 2, -2, 7, 31, 32, 33, 63, 64, 65, 255, 256, 0xffff, int.MaxValue, int.MinValue, int.MinValue + 1, 0x12345678, -123456789 };
        if (type == typeof(long) || type == typeof(ulong))
            return new long[] { 0, 1, -1, 2, -2, 31, 32, 33, 63, 64, 65, 0xffff_ffff, 0x8000_0000, 0x7fff_ffff, -0x1_0000_0000,
                long.MinValue, long.MaxValue, long.MinValue + 1, 0x1234_5678_9abc_def0 };
        throw new NotSupportedException("parameter type " + type);
    }

    public static object ToClr(long value, Type type)
    {
        if (type == typeof(bool)) return value != 0;
        if (type.IsEnum) return Enum.ToObject(type, value);
        return unchecked(Type.GetTypeCode(type) switch
        {
            TypeCode.Byte => (object)(byte)value,
            TypeCode.SByte => (sbyte)value,
            TypeCode.Int16 => (short)value,
            TypeCode.UInt16 => (ushort)value,
            TypeCode.Char => (char)value,
            TypeCode.Int32 => (int)value,
            TypeCode.UInt32 => (uint)value,
            TypeCode.Int64 => value,
            TypeCode.UInt64 => (ulong)value,
            _ => throw new NotSupportedException("parameter type " + type),
        });
    }

    public static ulong ToRegister(object value) => value switch
    {
        bool b => b ? 1UL : 0UL,
        sbyte v => (uint)(int)v,
        byte v => v,
        short v => (uint)(int)v,
        ushort v => v,
        char v => v,
        int v => (uint)v,
        uint v => v,
        long v => (ulong)v,
        ulong v => v,
        Enum e => ToRegister(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    public static bool IsWide(Type type)
    {
        if (type.IsEnum) type = Enum.GetUnderlyingType(type);
        return type == typeof(long) || type == typeof(ulong);
    }

    /// <summary>What the kernel returns for a result: r0's low 32 bits, after the thunk folded a 64-bit result.</summary>
    public static uint Returned(object result)
    {
        ulong register = ToRegister(result);
        return IsWide(result.GetType()) ? (uint)(register ^ (register >> 32)) : (uint)register;
    }

    public static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        char c => ((int)c).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
