using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=12 size=2
public static unsafe partial class CheckAfterUse
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        var eth = (EthHdr*)ctx.Data;
        ushort proto = /*!BPF0201*/eth->Proto;
        if ((byte*)(eth + 1) > ctx.DataEnd) return XdpAction.Drop;
        return proto == 0x0008 ? XdpAction.Pass : XdpAction.Drop;
    }
}
