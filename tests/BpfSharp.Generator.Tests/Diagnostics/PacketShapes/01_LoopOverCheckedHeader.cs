using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; the loop counter is one constant per path: words[i] reads at most byte 34 of the 34 checked.
public static unsafe partial class LoopOverCheckedHeader
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthHdr*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Drop;
        var ip = (Ip4Hdr*)(eth + 1);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        var words = (ushort*)ip;
        uint sum = 0;
        for (int i = 0; i < 10; i++)
            sum += words[i];
        return sum == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
