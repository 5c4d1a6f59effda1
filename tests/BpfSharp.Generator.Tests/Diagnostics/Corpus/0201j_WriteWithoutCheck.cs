using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class WriteWithoutCheck
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        TestPacket* p = (TestPacket*)ctx.Arg(0);
        byte* data = p->Data;
        byte* end = p->DataEnd;
        /*!BPF0201*/data[3] = 7;
        return 0;
    }
}
