using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class InCallee
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        return Adjust(ctx);
    }

    private static int Adjust(RawTracepointContext ctx) => (int)/*!BPF0202*/TestHelpers.XdpAdjustHead(ctx, -4);
}
