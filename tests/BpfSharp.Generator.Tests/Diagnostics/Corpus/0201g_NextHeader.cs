using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class NextHeader
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        TestPacket* p = (TestPacket*)ctx.Arg(0);
        byte* data = p->Data;
        byte* end = p->DataEnd;
        EthHdr* eth = (EthHdr*)data;
        if (eth + 1 > (EthHdr*)end) return 0;
        byte* ip = (byte*)(eth + 1);
        return /*!BPF0201*/*ip;
    }
}
