using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class NewList
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        var list = /*!BPF0001*/new System.Collections.Generic.List<int>();
        return 0;
    }
}
