using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class CheckedOnOnePathOnly
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        ulong* v = TestMap.Lookup(1);
        if (ctx.Arg(0) > 5)
        {
            if (v == null) return 0;
        }
        /*!BPF0200*/*v += 1;
        return 0;
    }
}
