using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=23 size=1
public static unsafe partial class CheckOnOneBranchXdp
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        byte* end = ctx.DataEnd;
        if (data + 14 > end) return XdpAction.Drop;
        var ip = (Ip4Hdr*)(data + 14);
        if (((EthHdr*)data)->Proto == 0x0008)
        {
            if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        }
        return /*!BPF0201*/ip->Proto == 17 ? XdpAction.Drop : XdpAction.Pass;
    }
}
