using BpfSharp;
using BpfSharp.Testing;

public static unsafe class /*!BPF0002*/NotPartial
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        return 0;
    }
}
