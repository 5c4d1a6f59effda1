namespace BpfSharp.Oracle.Corpus;

/// <summary>Short-circuit logic (the right side must not run), bool operators, ternaries.</summary>
public static partial class Logic
{
    public static int ShortCircuit(int a, int b)
    {
        int c = 0;
        if (a != 0 && 100 / a > 3) c += 1;
        if (b == 0 || 100 % b == 0) c += 2;
        if (a > 0 && b > 0 || a < 0 && b < 0) c += 4;
        return c;
    }

    public static int BoolOperators(int a, int b)
    {
        bool p = a > 0, q = b > 0;
        bool r = p ^ q, s = p & q, t = p | q, u = !p;
        return (r ? 1 : 0) + (s ? 2 : 0) + (t ? 4 : 0) + (u ? 8 : 0);
    }

    public static long Ternaries(long a, long b) => a > b ? a - b : a < b ? b - a : a == 0 ? -1 : 1;
    public static int NestedTernaryMixedTypes(byte a, sbyte b) => a > 100 ? b : b < 0 ? a : a + b;
    public static uint MinMax(uint a, uint b, uint c) => (a < b ? a : b) < c ? (a < b ? a : b) : c;
    public static bool BoolResult(int a, int b) => a > b == b > 0;
    public static int Abs(int a) => a < 0 ? unchecked(-a) : a;
}
