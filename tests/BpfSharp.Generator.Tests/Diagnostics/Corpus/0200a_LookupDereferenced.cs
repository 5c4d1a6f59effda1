using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class LookupDereferenced
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        ulong* v = TestMap.Lookup(1);
        /*!BPF0200*/*v = 5;
        return 0;
    }
}
