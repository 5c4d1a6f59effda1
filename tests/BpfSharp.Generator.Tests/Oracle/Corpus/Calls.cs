using System.Runtime.CompilerServices;

namespace BpfSharp.Oracle.Corpus;

/// <summary>Calls to the user's own static methods: inlined (small or AggressiveInlining) and BPF-to-BPF (NoInlining).</summary>
public static partial class Calls
{
    private static int Square(int x) => unchecked(x * x);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Mix(long a, long b) => unchecked(a * 31 + (b ^ (b >> 7)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Rotl(uint x, int n) => (x << n) | (x >> (32 - n));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Clamp(int x, int lo, int hi)
    {
        if (x < lo) return lo;
        if (x > hi) return hi;
        return x;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte Narrow(int x) => unchecked((byte)(x >> 3));

    private static void Swap(ref int a, ref int b)
    {
        int t = a;
        a = b;
        b = t;
    }

    public static int CallsInlined(int a, int b) => Square(a) - Square(b);
    public static long CallsNotInlined(long a, long b) => Mix(Mix(a, b), a);
    public static uint CallsAggressive(uint a, int n) => Rotl(a, n & 31) ^ Rotl(a, 7);
    public static int CallsWithBranches(int a, int b) => Clamp(a, -b & 0xff, 1000) + Clamp(b, 0, 10);
    public static int CallReturnsNarrowType(int a) => Narrow(a) * 3 + Narrow(a + 1000);
    public static int CallsWithRef(int a, int b)
    {
        Swap(ref a, ref b);
        return unchecked(a * 10 - b);
    }
}
