using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class FloatArithmetic
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        long x = (long)(/*!BPF0001*/ctx.Arg(0) * 1.5);
        return (int)x;
    }
}
