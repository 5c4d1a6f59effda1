using BpfSharp;

namespace BpfSharp.Samples;

/// <summary>
/// The seeds' bitehist: a power-of-two histogram of block I/O request sizes in kilobytes, kept in the kernel.
/// Per-CPU buckets, so the plain increment loses nothing (see SyscallCount).
/// </summary>
public static unsafe partial class BlockSizes
{
    public const int Buckets = 64;

    internal static readonly PerCpuArrayMap<ulong> Sizes = new(maxEntries: Buckets);

    [BpfProgram, Tracepoint("block", "block_rq_issue")]
    public static int OnIssue(TracepointContext<BlockRqIssue> ctx)
    {
        uint bucket = Log2Bucket(ctx.Fields.Bytes / 1024);
        ulong* count = Sizes.Lookup(bucket);
        if (count != null)
            *count = *count + 1;
        return 0;
    }

    /// <summary>BCC's bpf_log2l(v) + 1 convention: 0 for 0, else floor(log2(v)) + 1, found by halving the range.</summary>
    private static uint Log2Bucket(ulong v)
    {
        if (v == 0)
            return 0;
        uint r = 1;
        if (v >= 1UL << 32) { v >>= 32; r += 32; }
        if (v >= 1UL << 16) { v >>= 16; r += 16; }
        if (v >= 1UL << 8) { v >>= 8; r += 8; }
        if (v >= 1UL << 4) { v >>= 4; r += 4; }
        if (v >= 1UL << 2) { v >>= 2; r += 2; }
        if (v >= 1UL << 1) r += 1;
        return r;
    }
}
