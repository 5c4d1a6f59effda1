using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=-1 size=1
public static unsafe partial class ReadBeforePacketStart
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var ip = (Ip4Hdr*)(ctx.Data + 14);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        byte* udp = (byte*)ip + (ip->VerIhl & 0xf) * 4;
        if (udp + 8 > end) return XdpAction.Drop;
        return /*!BPF0201*/udp[-15] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
