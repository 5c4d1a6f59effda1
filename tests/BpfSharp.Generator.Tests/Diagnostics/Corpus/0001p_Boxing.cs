using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class Boxing
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        object o = /*!BPF0001*/ctx.Arg(0);
        return 0;
    }
}
