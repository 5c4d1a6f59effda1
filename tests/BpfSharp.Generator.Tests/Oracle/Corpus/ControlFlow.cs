namespace BpfSharp.Oracle.Corpus;

/// <summary>Branches, loops with constant bounds, break/continue, early return.</summary>
public static partial class ControlFlow
{
    public static int IfElseChain(int a)
    {
        if (a < -100) return 1;
        else if (a < 0) return 2;
        else if (a == 0) return 3;
        else if (a < 100) return 4;
        return 5;
    }

    public static int ForLoopSum(int a)
    {
        int sum = 0;
        for (int i = 0; i < 16; i++)
            sum = unchecked(sum + (a >> i & 1) * i);
        return sum;
    }

    public static int PopCount(ulong a)
    {
        int count = 0;
        for (int i = 0; i < 64; i++)
        {
            if ((a & 1) != 0) count++;
            a >>= 1;
        }
        return count;
    }

    public static int WhileLoop(uint a)
    {
        int i = 0;
        uint x = a;
        while (i < 32 && x != 0)
        {
            x &= x - 1;
            i++;
        }
        return i;
    }

    public static int DoWhile(int a)
    {
        int i = 0, acc = 1;
        do
        {
            acc = unchecked(acc * 3 + a);
            i++;
        } while (i < 5);
        return acc;
    }

    public static int BreakAndContinue(int a)
    {
        int acc = 0;
        for (int i = 0; i < 20; i++)
        {
            if (i % 3 == 0) continue;
            if (i * 4 > (a & 63)) break;
            acc += i;
        }
        return acc;
    }

    public static int NestedLoops(int a)
    {
        int acc = 0;
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 5; j++)
                acc = unchecked(acc + ((a >> (i * 5 + j)) & 1) * (i + j));
        return acc;
    }

    public static long LeadingZeros(ulong a)
    {
        for (int i = 63; i >= 0; i--)
            if ((a >> i & 1) != 0)
                return 63 - i;
        return 64;
    }

    public static int EarlyReturnFromLoop(int a, int b)
    {
        for (int i = 0; i < 10; i++)
        {
            if (unchecked(a + i) == b) return i;
        }
        return -1;
    }

    public static int BitLength(uint x)
    {
        int n = 0;
        while (x != 0)
        {
            x >>= 1;
            n++;
        }
        return n;
    }

    public static int HalvingWideCounter(ulong x)
    {
        int n = 0;
        while (x > 1)
        {
            n += (int)(x & 3);
            x >>= 2;
        }
        return n;
    }

    public static int SignedHalving(int n, short k)
    {
        int s = 0;
        for (int i = n; i > 0; i >>= 1)
            s += i & 7;
        for (short j = k; j > 1; j >>= 1)
            s ^= j;
        for (uint u = (uint)n; u != 0; u /= 4)
            s += (int)(u & 3);
        return s;
    }

    public static ulong Doubling(uint a)
    {
        ulong s = 0;
        for (uint i = 1; i < 100_000; i *= 2)
            s = s * 3 + (i ^ a);
        for (long j = 5; j <= 1L << 40; j <<= 3)
            s += (ulong)j >> (int)(a & 7);
        return s;
    }

    public static int Log2(ulong a)
    {
        int r = 0;
        for (int i = 32; i > 0; i >>= 1)
        {
            if (a >= 1UL << i)
            {
                a >>= i;
                r += i;
            }
        }
        return r;
    }

    public static uint Checksum(uint a, uint b)
    {
        uint sum = 0;
        for (int i = 0; i < 8; i++)
        {
            sum += (i % 2 == 0 ? a >> (i * 4) : b >> (i * 4)) & 0xffff;
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return ~sum & 0xffff;
    }
}
