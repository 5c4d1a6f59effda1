namespace BpfSharp.Oracle.Corpus;

/// <summary>Sign and zero extension, truncation, and the implicit widenings C# inserts.</summary>
public static partial class Conversions
{
    public static long IntToLong(int a) => a;
    public static long UIntToLong(uint a) => a;
    public static ulong IntToULong(int a) => unchecked((ulong)a);
    public static int LongToInt(long a) => unchecked((int)a);
    public static byte LongToByte(long a) => unchecked((byte)a);
    public static sbyte IntToSByte(int a) => unchecked((sbyte)a);
    public static short ULongToShort(ulong a) => unchecked((short)a);
    public static ulong ShortToULong(short a) => unchecked((ulong)a);
    public static uint SByteToUInt(sbyte a) => unchecked((uint)a);
    public static int CharToInt(char a) => a;
    public static ushort IntToUShort(int a) => unchecked((ushort)a);
    public static char IntToChar(int a) => unchecked((char)a);
    public static long ChainedNarrowing(long a) => unchecked((sbyte)(short)(int)a) + unchecked((byte)(ushort)a) * 1000L;
    public static long ChainedWidening(sbyte a, ushort b) => (long)(int)(short)a * b + (uint)b;
    public static ulong UIntToULongViaInt(uint a) => unchecked((ulong)(int)a);
    public static int BoolToInt(bool a, bool b) => (a ? 1 : 0) + (b ? 2 : 0);
    public static long SignExtendFromField(ulong raw) => unchecked((long)(raw << 40) >> 40); // a 24-bit signed field
}
