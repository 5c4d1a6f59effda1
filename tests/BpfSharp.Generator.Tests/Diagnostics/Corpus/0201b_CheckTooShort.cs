using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class CheckTooShort
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        TestPacket* p = (TestPacket*)ctx.Arg(0);
        byte* data = p->Data;
        byte* end = p->DataEnd;
        if (data + 10 > end) return 0;
        return /*!BPF0201*/((EthHdr*)data)->Proto;
    }
}
