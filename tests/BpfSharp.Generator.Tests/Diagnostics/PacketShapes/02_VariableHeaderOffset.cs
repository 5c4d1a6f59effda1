using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; udp = ip + (ihl & 0xf) * 4 is a new origin (umax 60); the check on udp + 1 proves its 8 bytes.
public static unsafe partial class VariableHeaderOffset
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthHdr*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Drop;
        var ip = (Ip4Hdr*)(eth + 1);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        var udp = (UdpHdr*)((byte*)ip + (ip->VerIhl & 0xf) * 4);
        if ((byte*)(udp + 1) > end) return XdpAction.Drop;
        return udp->Len > 512 ? XdpAction.Drop : XdpAction.Pass;
    }
}
