using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class OtherPointerChecked
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        ulong* a = TestMap.Lookup(1);
        ulong* b = TestMap.Lookup(2);
        if (a == null) return 0;
        /*!BPF0200*/*b = 1;
        return (int)*a;
    }
}
