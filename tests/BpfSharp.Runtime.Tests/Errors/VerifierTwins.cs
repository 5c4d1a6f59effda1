namespace BpfSharp.Runtime.Tests.Errors;

/// <summary>Turns the build-time analyses off for one program class (matched by name; not shipped).</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class BpfSharpDisableAnalysisAttribute : Attribute
{
}

/// <summary>bpf_xdp_adjust_head (helper 44), which raw tracepoint programs may not call.</summary>
internal static class ForeignHelpers
{
    [BpfHelper((HelperId)44)]
    public static long XdpAdjustHead(RawTracepointContext ctx, int delta) => 0;
}

/// <summary>Twin of BPF0203: a GPL-only helper under a non-GPL license, built with the analyses off.</summary>
[BpfSharpDisableAnalysis, BpfLicense("MIT")]
internal static partial class GplOnlyTwin
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Hello(RawTracepointContext ctx)
    {
        Bpf.Printk("twin\n");
        return 0;
    }
}

/// <summary>Twin of BPF0202: an XDP helper called from a raw tracepoint program, built with the analyses off.</summary>
[BpfSharpDisableAnalysis]
internal static partial class HelperNotAllowedTwin
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Adjust(RawTracepointContext ctx) => (int)ForeignHelpers.XdpAdjustHead(ctx, 4);
}

/// <summary>Twin of BPF0200: a map lookup dereferenced without a null check, built with the analyses off.</summary>
[BpfSharpDisableAnalysis]
internal static unsafe partial class NullCheckTwin
{
    internal static readonly HashMap<uint, ulong> Counts = new(maxEntries: 4);

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Count(RawTracepointContext ctx)
    {
        ulong* value = Counts.Lookup(1);
        return (int)*value; // the failing line
    }
}

/// <summary>Twin of BPF0201: a packet byte read without a bounds check against DataEnd, built with the analyses off.</summary>
[BpfSharpDisableAnalysis]
internal static unsafe partial class PacketBoundsTwin
{
    [BpfProgram, Xdp]
    public static XdpAction FirstByte(XdpContext ctx)
    {
        byte* data = ctx.Data;
        return data[12] == 0x08 ? XdpAction.Drop : XdpAction.Pass;
    }
}

/// <summary>Twin of BPF0006: a loop bounded only by a runtime value, built with the compiler's check off.</summary>
[BpfSharpDisableAnalysis]
internal static partial class UnboundedLoopTwin
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Spin(RawTracepointContext ctx)
    {
        ulong n = ctx.Arg(1);
        ulong total = 0;
        while (n != 0)
        {
            total += n;
            n = n * 3 + 1;
        }
        return (int)total;
    }
}

/// <summary>Twin of BPF0007: a 640-byte frame, built with the compiler's check off.</summary>
[BpfSharpDisableAnalysis]
internal static unsafe partial class StackTwin
{
#pragma warning disable CS0649 // only two of the words matter; the rest make the frame big
    private struct Big
    {
        public ulong W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11, W12, W13, W14, W15, W16, W17, W18, W19, W20, W21, W22, W23, W24, W25, W26, W27, W28, W29, W30, W31, W32, W33, W34, W35, W36, W37, W38, W39, W40, W41, W42, W43, W44, W45, W46, W47, W48, W49, W50, W51, W52, W53, W54, W55, W56, W57, W58, W59, W60, W61, W62, W63, W64, W65, W66, W67, W68, W69, W70, W71, W72, W73, W74, W75, W76, W77, W78, W79;
    }
#pragma warning restore CS0649

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Fill(RawTracepointContext ctx)
    {
        Big big = default;
        big.W0 = ctx.Arg(0);
        big.W79 = ctx.Arg(1);
        // A helper is handed the struct, so its stores are not dead and the frame is really used.
        Bpf.GetCurrentComm(&big.W40, 8);
        return (int)(big.W0 + big.W79);
    }
}
