using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class IsNullBranch
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        ulong* v = TestMap.Lookup(1);
        if (v is null)
        {
            /*!BPF0200*/*v = 1;
        }
        return 0;
    }
}
