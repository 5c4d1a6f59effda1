namespace BpfSharp.Oracle.Corpus;

/// <summary>Shifts mask their count to the width of the promoted left operand (31 or 63): counts at and beyond the width.</summary>
public static partial class Shifts
{
    [Inputs(1, 32), Inputs(1, 33), Inputs(-1, 31), Inputs(-1, -1), Inputs(0x40000000, 1)]
    public static int ShlInt(int a, int n) => a << n;
    [Inputs(-8, 1), Inputs(-8, 33), Inputs(-8, 64)]
    public static int ShrInt(int a, int n) => a >> n;
    public static int UshrInt(int a, int n) => a >>> n;
    public static uint ShlUInt(uint a, int n) => a << n;
    public static uint ShrUInt(uint a, int n) => a >> n;
    [Inputs(1, 64), Inputs(1, 65), Inputs(-1, 63)]
    public static long ShlLong(long a, int n) => a << n;
    public static long ShrLong(long a, int n) => a >> n;
    public static long UshrLong(long a, int n) => a >>> n;
    public static ulong ShrULong(ulong a, int n) => a >> n;
    public static ulong ShlULong(ulong a, int n) => a << n;
    public static int ShiftByte(byte a, int n) => a << n; // promoted to int before the shift
    public static byte ShiftByteBack(byte a, int n) => unchecked((byte)(a << n));
    public static int ShiftSByte(sbyte a, int n) => a >> n;
    public static short ShiftShort(short a, int n) => unchecked((short)(a << n >> 3));
    public static long ConstantCountsBeyondWidth(long a) => (a << 65) + (a >> 70) + (a >>> 127);
    public static int ConstantIntCountsBeyondWidth(int a) => (a << 33) ^ (a >> 40) ^ (a >>> 63);
    public static ulong ShiftCountFromLong(ulong a, long n) => a << (int)n;
    public static long Rotate(ulong a, int n) => (long)((a << n) | (a >> (64 - n)));
}
