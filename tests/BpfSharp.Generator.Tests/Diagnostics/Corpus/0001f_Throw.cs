using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class Throw
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        if (ctx.Arg(0) == 0)
            /*!BPF0001*/throw /*!BPF0001*/new System.InvalidOperationException();
        return 0;
    }
}
