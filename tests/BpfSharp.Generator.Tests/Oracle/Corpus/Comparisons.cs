namespace BpfSharp.Oracle.Corpus;

/// <summary>Every relational operator, signed and unsigned, and the promoted mixed comparisons.</summary>
public static partial class Comparisons
{
    public static int CompareInt(int a, int b) => (a == b ? 1 : 0) | (a != b ? 2 : 0) | (a < b ? 4 : 0) | (a <= b ? 8 : 0) | (a > b ? 16 : 0) | (a >= b ? 32 : 0);
    public static int CompareUInt(uint a, uint b) => (a == b ? 1 : 0) | (a != b ? 2 : 0) | (a < b ? 4 : 0) | (a <= b ? 8 : 0) | (a > b ? 16 : 0) | (a >= b ? 32 : 0);
    public static int CompareLong(long a, long b) => (a == b ? 1 : 0) | (a != b ? 2 : 0) | (a < b ? 4 : 0) | (a <= b ? 8 : 0) | (a > b ? 16 : 0) | (a >= b ? 32 : 0);
    public static int CompareULong(ulong a, ulong b) => (a == b ? 1 : 0) | (a != b ? 2 : 0) | (a < b ? 4 : 0) | (a <= b ? 8 : 0) | (a > b ? 16 : 0) | (a >= b ? 32 : 0);
    public static int CompareSByte(sbyte a, sbyte b) => (a == b ? 1 : 0) | (a != b ? 2 : 0) | (a < b ? 4 : 0) | (a <= b ? 8 : 0) | (a > b ? 16 : 0) | (a >= b ? 32 : 0);
    public static int CompareUShort(ushort a, ushort b) => (a == b ? 1 : 0) | (a != b ? 2 : 0) | (a < b ? 4 : 0) | (a <= b ? 8 : 0) | (a > b ? 16 : 0) | (a >= b ? 32 : 0);
    public static int CompareIntWithUInt(int a, uint b) => (a == b ? 1 : 0) | (a != b ? 2 : 0) | (a < b ? 4 : 0) | (a <= b ? 8 : 0) | (a > b ? 16 : 0) | (a >= b ? 32 : 0); // as long
    public static int CompareLongWithByte(long a, byte b) => (a == b ? 1 : 0) | (a != b ? 2 : 0) | (a < b ? 4 : 0) | (a <= b ? 8 : 0) | (a > b ? 16 : 0) | (a >= b ? 32 : 0);
    public static bool LessThanConstant(int a) => a < -5;
    public static bool UnsignedAboveConstant(uint a) => a > 0x8000_0000u;
    public static bool ULongEqualsConstant(ulong a) => a == 0xffff_ffff_ffff_ffffUL;
}
