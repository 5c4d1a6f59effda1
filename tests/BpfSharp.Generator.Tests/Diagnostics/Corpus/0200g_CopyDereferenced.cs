using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class CopyDereferenced
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        ulong* v = TestMap.Lookup(1);
        ulong* c = v;
        /*!BPF0200*/*c = 2;
        return 0;
    }
}
