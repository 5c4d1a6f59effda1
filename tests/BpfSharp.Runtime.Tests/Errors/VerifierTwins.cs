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
