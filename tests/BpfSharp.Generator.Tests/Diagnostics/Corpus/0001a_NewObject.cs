using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class NewObject
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        object o = /*!BPF0001*/new object();
        return 0;
    }
}
