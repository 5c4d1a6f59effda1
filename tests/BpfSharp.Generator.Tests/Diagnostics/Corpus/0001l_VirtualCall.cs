using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class VirtualCall
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        return /*!BPF0001*/ctx.Arg(0).GetHashCode();
    }
}
