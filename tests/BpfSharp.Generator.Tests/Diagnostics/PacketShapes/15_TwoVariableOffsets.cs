using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; a second variable origin (the TCP data offset) checked on itself.
public static unsafe partial class TwoVariableOffsets
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var ip = (Ip4Hdr*)(ctx.Data + 14);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        byte* tcp = (byte*)ip + (ip->VerIhl & 0xf) * 4;
        if (tcp + 20 > end) return XdpAction.Drop;
        byte* payload = tcp + (tcp[12] >> 4) * 4;
        if (payload + 4 > end) return XdpAction.Pass;
        return payload[0] == (byte)'G' && payload[3] == (byte)' ' ? XdpAction.Drop : XdpAction.Pass;
    }
}
