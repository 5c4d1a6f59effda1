using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class ArithmeticBeforeCheck
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        ulong* v = TestMap.Lookup(1);
        ulong* w = /*!BPF0200*/v + 1;
        if (w == null) return 0;
        return (int)*w;
    }
}
