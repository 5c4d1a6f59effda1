using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class SkbHelperInTracepoint
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        return (int)/*!BPF0202*/TestHelpers.SkbLoadBytes(ctx, 0, 0, 4);
    }
}
