using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=18 size=2
public static unsafe partial class CheckOnOtherPointer
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var ip = (Ip4Hdr*)(ctx.Data + 14);
        if ((byte*)(ip + 1) + 8 > end) return XdpAction.Drop;
        var udp = (UdpHdr*)((byte*)ip + (ip->VerIhl & 0xf) * 4);
        return /*!BPF0201*/udp->Len > 512 ? XdpAction.Drop : XdpAction.Pass;
    }
}
