using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=20 size=2
public static unsafe partial class CursorCheckedOnceBeforeLoop
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthHdr*)ctx.Data;
        var vlan = (VlanHdr*)(eth + 1);
        if ((byte*)(vlan + 1) > end) return XdpAction.Drop;
        ushort proto = eth->Proto;
        for (int i = 0; i < 2; i++)
        {
            if (proto != 0x0081) break;
            proto = /*!BPF0201*/vlan->Proto;
            vlan++;
        }
        return proto == 0x0008 ? XdpAction.Pass : XdpAction.Drop;
    }
}
