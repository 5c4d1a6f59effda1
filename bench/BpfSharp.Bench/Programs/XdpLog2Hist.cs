using System.Runtime.CompilerServices;

namespace BpfSharp.Bench.Programs;

/// <summary>bench/c/xdp_log2_hist.c: a histogram of packet lengths in log2 buckets, in an array map.</summary>
public static unsafe partial class XdpLog2Hist
{
    public static readonly ArrayMap<ulong> LenHist = new(32);

    [BpfProgram, Xdp]
    public static XdpAction xdp_log2_hist(XdpContext ctx)
    {
        uint length = (uint)(ctx.DataEnd - ctx.Data);
        uint bucket = Log2(length);
        ulong* count = LenHist.Lookup(bucket);
        if (count != null)
            Bpf.AtomicAdd(count, 1);
        return XdpAction.Pass;
    }

    /// <summary>floor(log2(v)) by halving the search range, branch-free; 0 for 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Log2(uint v)
    {
        uint r = (v > 0xffff ? 1u : 0u) << 4;
        v >>= (int)r;
        uint shift = (v > 0xff ? 1u : 0u) << 3;
        v >>= (int)shift;
        r |= shift;
        shift = (v > 0xf ? 1u : 0u) << 2;
        v >>= (int)shift;
        r |= shift;
        shift = (v > 0x3 ? 1u : 0u) << 1;
        v >>= (int)shift;
        r |= shift;
        r |= v >> 1;
        return r;
    }
}
