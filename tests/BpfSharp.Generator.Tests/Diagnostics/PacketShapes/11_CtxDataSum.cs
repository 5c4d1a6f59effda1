using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; one read of Data, checked for both headers at once.
public static unsafe partial class CtxDataSum
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        var eth = (EthHdr*)ctx.Data;
        if ((byte*)eth + sizeof(EthHdr) + sizeof(Ip4Hdr) > ctx.DataEnd) return XdpAction.Pass;
        var ip = (Ip4Hdr*)(eth + 1);
        return ip->Proto == 6 ? XdpAction.Drop : XdpAction.Pass;
    }
}
