using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class DataDereferencedDirectly
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        TestPacket* p = (TestPacket*)ctx.Arg(0);
        return /*!BPF0201*/*p->Data;
    }
}
