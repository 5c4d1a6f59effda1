using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid mem access 'scalar'
public static unsafe partial class HelperMovedPacket
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        var eth = (EthHdr*)ctx.Data;
        if ((byte*)(eth + 1) > ctx.DataEnd) return XdpAction.Drop;
        if (Bpf.XdpAdjustHead(ctx, 0) != 0) return XdpAction.Drop;
        return /*!BPF0201*/eth->Proto == 0x0008 ? XdpAction.Pass : XdpAction.Drop;
    }
}
