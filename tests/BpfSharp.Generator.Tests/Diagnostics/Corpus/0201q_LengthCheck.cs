using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=12 size=2
public static unsafe partial class LengthCheck
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        if (ctx.DataEnd - data < 14) return XdpAction.Drop;
        return /*!BPF0201*/((EthHdr*)data)->Proto == 0x0008 ? XdpAction.Pass : XdpAction.Drop;
    }
}
