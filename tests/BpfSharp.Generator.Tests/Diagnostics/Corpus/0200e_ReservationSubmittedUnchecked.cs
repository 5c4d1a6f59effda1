using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class ReservationSubmittedUnchecked
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        Event* e = TestMap.Reserve();
        TestMap.Submit(/*!BPF0200*/e);
        return 0;
    }
}
