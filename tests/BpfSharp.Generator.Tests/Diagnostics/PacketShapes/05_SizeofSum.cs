using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; sizeof of a struct is a constant.
public static unsafe partial class SizeofSum
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (data + sizeof(EthHdr) + sizeof(Ip4Hdr) > ctx.DataEnd) return XdpAction.Pass;
        var ip = (Ip4Hdr*)(data + sizeof(EthHdr));
        return ip->Ttl <= 1 ? XdpAction.Drop : XdpAction.Pass;
    }
}
