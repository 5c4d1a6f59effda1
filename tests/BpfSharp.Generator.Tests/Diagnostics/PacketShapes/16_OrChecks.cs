using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; || of two checks: both hold past it.
public static unsafe partial class OrChecks
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthHdr*)ctx.Data;
        var ip = (Ip4Hdr*)(eth + 1);
        if ((byte*)(eth + 1) > end || (byte*)(ip + 1) > end) return XdpAction.Pass;
        return eth->Proto == 0x0008 && ip->Ttl <= 1 ? XdpAction.Drop : XdpAction.Pass;
    }
}
