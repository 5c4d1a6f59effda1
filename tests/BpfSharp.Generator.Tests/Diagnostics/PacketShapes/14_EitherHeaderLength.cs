using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; l4 differs per path; the check on l4 itself proves its bytes.
public static unsafe partial class EitherHeaderLength
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        byte* end = ctx.DataEnd;
        if (data + 14 > end) return XdpAction.Drop;
        byte* l4 = ((EthHdr*)data)->Proto == 0xdd86 ? data + 54 : data + 34;
        if (l4 + sizeof(UdpHdr) > end) return XdpAction.Drop;
        return ((UdpHdr*)l4)->Dest == 0x3500 ? XdpAction.Drop : XdpAction.Pass;
    }
}
