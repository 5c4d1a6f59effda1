using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; -> and [i] at constant offsets inside the checked 14 bytes.
public static unsafe partial class ArrowAndIndex
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        var eth = (EthHdr*)data;
        if (data + 14 > ctx.DataEnd) return XdpAction.Pass;
        int s = eth->Destination[0] + eth->Source[5] + data[13] + eth[0].Proto;
        return s == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
