using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; the TCP data offset and flags read inside the checked 20 bytes.
public static unsafe partial class TcpFlags
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthHdr*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Drop;
        if (eth->Proto != 0x0008) return XdpAction.Pass;
        var ip = (Ip4Hdr*)(eth + 1);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        if (ip->Proto != 6) return XdpAction.Pass;
        byte* tcp = (byte*)ip + (ip->VerIhl & 0xf) * 4;
        if (tcp + 20 > end) return XdpAction.Drop;
        if ((tcp[12] >> 4) < 5) return XdpAction.Drop;
        ushort port = (ushort)(tcp[2] << 8 | tcp[3]);
        bool syn = (tcp[13] & 0x02) != 0, ack = (tcp[13] & 0x10) != 0;
        return syn && !ack && (port == 22 || port == 23) ? XdpAction.Drop : XdpAction.Pass;
    }
}
