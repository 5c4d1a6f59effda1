namespace BpfSharp.Oracle.Corpus;

/// <summary>+ - * unary - ~ on every integer type, with C#'s promotion to int and unchecked wrap-around.</summary>
public static partial class Arithmetic
{
    public static int AddInt(int a, int b) => unchecked(a + b);
    public static uint SubUInt(uint a, uint b) => unchecked(a - b);
    public static long MulLong(long a, long b) => unchecked(a * b);
    public static ulong MulULong(ulong a, ulong b) => unchecked(a * b + (a - b));
    public static int MulInt(int a, int b) => unchecked(a * b - b * 3);
    public static byte AddByte(byte a, byte b) => unchecked((byte)(a + b));
    public static int PromotedBytes(byte a, byte b) => a * b - a - b; // promoted to int: no wrap at 8 bits
    public static sbyte SubSByte(sbyte a, sbyte b) => unchecked((sbyte)(a - b));
    public static short MulShort(short a, short b) => unchecked((short)(a * b));
    public static ushort AddUShort(ushort a, ushort b) => unchecked((ushort)(a + b + 1));
    public static int CharArithmetic(char a, char b) => a - b + (char)(a + 1);
    public static long NegateAndComplement(long a, int b) => unchecked(-a + ~a + -b + ~b);
    public static uint NegateUnsigned(uint a, byte b) => unchecked(~a ^ (uint)-b);
    public static ulong ComplementULong(ulong a) => ~a;
    public static int BitwiseInt(int a, int b) => (a & b) ^ (a | ~b) ^ (a & 0x0f0f);
    public static ulong BitwiseULong(ulong a, ulong b) => (a & b) | (~a & 0xff00_ff00_ff00_ff00UL) ^ b;
    public static long MixedSignedness(int a, uint b) => a + b; // int + uint is long in C#
    public static long MixedSignednessSub(uint a, int b) => a - b * 2L;
    public static ulong ULongWithUInt(ulong a, uint b) => unchecked(a * b + b);
    public static int IncrementsAndDecrements(int a, int b)
    {
        unchecked
        {
            int x = a++ + ++a - b-- - --b;
            return x * 7 + a - b;
        }
    }

    public static int SmallTypeCompoundAssignment(byte a, sbyte b)
    {
        unchecked
        {
            a += 200; b -= 100; a++; ++b; b *= 3; a <<= 3; a >>= 1; b >>= 1; a ^= 0x55; b |= 1;
            ushort c = (ushort)(a * 300); c -= 7; c *= c;
            return a * 1000 + b * 10 + c;
        }
    }
}
