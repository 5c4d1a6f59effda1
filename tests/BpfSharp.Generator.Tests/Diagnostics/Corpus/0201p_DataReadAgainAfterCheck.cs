using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=12 size=2
public static unsafe partial class DataReadAgainAfterCheck
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        if (ctx.Data + 14 > ctx.DataEnd) return XdpAction.Drop;
        var eth = (EthHdr*)ctx.Data;
        return /*!BPF0201*/eth->Proto == 0x0008 ? XdpAction.Pass : XdpAction.Drop;
    }
}
