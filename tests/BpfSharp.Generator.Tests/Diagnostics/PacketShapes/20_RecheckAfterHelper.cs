using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; after a helper moved the packet, Data is read and checked again.
public static unsafe partial class RecheckAfterHelper
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        if (Bpf.XdpAdjustHead(ctx, 0) != 0) return XdpAction.Drop;
        var eth = (EthHdr*)ctx.Data;
        if ((byte*)(eth + 1) > ctx.DataEnd) return XdpAction.Drop;
        return eth->Proto == 0x0008 ? XdpAction.Pass : XdpAction.Drop;
    }
}
