using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class ReservationFieldWritten
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        Event* e = TestMap.Reserve();
        /*!BPF0200*/e->Pid = 1;
        TestMap.Submit(e);
        return 0;
    }
}
