using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class InvertedCheck
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        ulong* v = TestMap.Lookup(1);
        if (v != null) return 0;
        return (int)/*!BPF0200*/*v;
    }
}
