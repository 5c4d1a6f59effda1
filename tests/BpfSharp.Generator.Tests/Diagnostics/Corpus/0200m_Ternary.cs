using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class Ternary
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        ulong* v = TestMap.Lookup(1);
        ulong x = ctx.Arg(0) > 1 ? /*!BPF0200*/*v : 0;
        return (int)x;
    }
}
