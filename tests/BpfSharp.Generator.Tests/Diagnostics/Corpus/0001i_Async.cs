using BpfSharp;
using BpfSharp.Testing;

public static partial class Async
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        Work();
        return 0;
    }

    private static async System.Threading.Tasks.Task /*!BPF0001*/Work()
    {
        /*!BPF0001*/await System.Threading.Tasks.Task.Yield();
    }
}
