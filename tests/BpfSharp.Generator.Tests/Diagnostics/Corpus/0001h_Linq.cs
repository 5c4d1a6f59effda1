using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class Linq
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        var e = /*!BPF0001*/System.Linq.Enumerable.Empty<int>();
        return 0;
    }
}
