using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class Lock
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        /*!BPF0001*/lock (/*!BPF0001*/s_gate)
        {
        }
        return 0;
    }

    private static readonly object s_gate = new();
}
