using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class InCallee
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        return Bump();
    }

    private static int Bump()
    {
        ulong* v = TestMap.Lookup(1);
        /*!BPF0200*/*v = 1;
        return 0;
    }
}
