using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class EndOnLeftWrongSense
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        TestPacket* p = (TestPacket*)ctx.Arg(0);
        byte* data = p->Data;
        byte* end = p->DataEnd;
        if (end > data + 14) return 0;
        return /*!BPF0201*/data[0];
    }
}
