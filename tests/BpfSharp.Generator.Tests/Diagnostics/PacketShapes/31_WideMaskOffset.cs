using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; (x & 0xff) * 4 is at most 1020, within MAX_PACKET_OFF; the check on u proves its 8 bytes.
public static unsafe partial class WideMaskOffset
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (data + 15 > ctx.DataEnd) return XdpAction.Drop;
        byte* u = data + 14 + (data[14] & 0xff) * 4;
        if (u + 8 > ctx.DataEnd) return XdpAction.Drop;
        return u[7] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
