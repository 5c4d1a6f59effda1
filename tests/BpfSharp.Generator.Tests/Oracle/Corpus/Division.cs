namespace BpfSharp.Oracle.Corpus;

/// <summary>
/// / and % with C#'s rounding toward zero and the sign of the dividend. Divisors are kept away from zero and from
/// MinValue / -1, where the CLR throws and BPF defines a result (the documented difference).
/// </summary>
public static partial class Division
{
    public static int DivInt(int a, int b) => b == 0 || (a == int.MinValue && b == -1) ? 0 : a / b;
    public static int ModInt(int a, int b) => b == 0 || b == -1 ? 0 : a % b;
    public static uint DivUInt(uint a, uint b) => b == 0 ? 7u : a / b + a % b;
    public static long DivLong(long a, long b) => b == 0 || (a == long.MinValue && b == -1) ? 0 : a / b;
    public static long ModLong(long a, long b) => b == 0 || b == -1 ? 0 : a % b;
    public static ulong DivULong(ulong a, ulong b) => b == 0 ? 0 : a / b * 3 + a % b;
    public static int DivByConstants(int a) => a / 7 + a % 7 + a / -3 + a % -3 + a / 16 + a % 16;
    public static long DivLongByConstants(long a) => a / 1000 + a % 1000 + a / -65536 + a % 4096;
    public static uint DivUIntByConstants(uint a) => a / 10 + a % 10 + a / 0x8000_0000u;
    public static int DivSmallTypes(sbyte a, short b) => b == 0 ? a : a / b + a % b; // promoted: no MinValue/-1 overflow
    public static int DivBytes(byte a, byte b) => b == 0 ? 0 : a / b * 256 + a % b;
}
