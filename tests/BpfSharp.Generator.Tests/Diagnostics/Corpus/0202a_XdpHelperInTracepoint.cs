using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class XdpHelperInTracepoint
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        return (int)/*!BPF0202*/TestHelpers.XdpAdjustHead(ctx, 4);
    }
}
