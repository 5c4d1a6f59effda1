namespace BpfSharp.Oracle.Corpus;

public enum Protocol : byte { Icmp = 1, Tcp = 6, Udp = 17, Icmpv6 = 58, Sctp = 132 }

public enum Level : long { Low = -1, Mid = 1L << 40, High = long.MaxValue }

/// <summary>switch statements and expressions over integers and enums, constant and relational patterns.</summary>
public static partial class Switches
{
    public static int SwitchStatement(int a)
    {
        switch (a)
        {
            case 0: return 10;
            case 1: case 2: return 20;
            case 7: return 70;
            case -1: return -10;
            case int.MaxValue: return 99;
            default: return a & 3;
        }
    }

    public static int DenseSwitch(int a)
    {
        int r = 0;
        switch (a & 15)
        {
            case 0: r = 5; break;
            case 1: r = 8; break;
            case 2: r = 13; break;
            case 3: r = 21; break;
            case 4: r = 34; break;
            case 5: r = 55; break;
            case 6: r = 89; break;
            case 7: r = 144; break;
            default: r = -1; break;
        }
        return r * 2;
    }

    public static int SparseSwitchExpression(uint a) => a switch
    {
        80 => 1,
        443 => 2,
        53 => 3,
        22 => 4,
        0xffff_ffff => 5,
        _ => 0,
    };

    public static int EnumSwitch(byte raw) => (Protocol)raw switch
    {
        Protocol.Tcp => 1,
        Protocol.Udp => 2,
        Protocol.Icmp or Protocol.Icmpv6 => 3,
        Protocol.Sctp => 4,
        _ => 0,
    };

    public static long LongEnum(long raw) => (Level)raw switch
    {
        Level.Low => 1,
        Level.Mid => 2,
        Level.High => 3,
        _ => raw >> 60,
    };

    public static int RelationalPatterns(int a) => a switch
    {
        < -1000 => 1,
        >= -1000 and < 0 => 2,
        0 => 3,
        > 0 and <= 255 => 4,
        _ => 5,
    };

    public static bool IsPattern(long a) => a is > 10 and < 20 or 100 or < -5000;
    public static bool NotPattern(uint a) => a is not (0 or 1 or 0xffff_ffff);

    public static int SwitchWithFallthroughGoto(int a)
    {
        int r = 0;
        switch (a & 3)
        {
            case 0: r += 1; goto case 1;
            case 1: r += 10; break;
            case 2: r += 100; goto default;
            default: r += 1000; break;
        }
        return r;
    }

    public static long SwitchWithBackwardGoto(long a, int b)
    {
        long r = b;
        switch (a)
        {
            case 1: r *= 3; break;
            case 2: r += 5; goto case 1;
            case -1: r -= 1; goto case 2;
            case long.MaxValue: r ^= a; goto default;
            default: r = ~r; if (b > 0) goto case 2; break;
        }
        return r;
    }

    public static int GotoCaseOverEnum(Protocol p, int b)
    {
        int r = 0;
        switch (p)
        {
            case Protocol.Tcp: case Protocol.Udp: r += 2; if (b > 10) goto case Protocol.Sctp; break;
            case Protocol.Icmp: r += 3; goto case Protocol.Tcp;
            case Protocol.Sctp: r += 4; break;
            default: r = b & 7; goto case Protocol.Icmp;
        }
        return r;
    }

    public static ulong ULongSwitch(ulong a) => a switch
    {
        0 => 1,
        ulong.MaxValue => 2,
        1UL << 63 => 3,
        > 1UL << 32 => 4,
        _ => 5,
    };
}
