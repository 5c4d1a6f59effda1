using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class Array
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        int[] a = /*!BPF0001*/new int[4];
        return 0;
    }
}
