using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; udp keeps the fixed offset 14 the verifier keeps in off: udp[-1] is byte 13 past its origin.
public static unsafe partial class ReadBeforeVariableOrigin
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var ip = (Ip4Hdr*)(ctx.Data + 14);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        byte* udp = (byte*)ip + (ip->VerIhl & 0xf) * 4;
        if (udp + 8 > end) return XdpAction.Drop;
        return udp[-1] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
