using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; the VLAN loop with break instead of return.
public static unsafe partial class VlanLoopBreak
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthHdr*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Drop;
        ushort proto = eth->Proto;
        var vlan = (VlanHdr*)(eth + 1);
        for (int i = 0; i < 2; i++)
        {
            if (proto != 0x0081) break;
            if ((byte*)(vlan + 1) > end) break;
            proto = vlan->Proto;
            vlan++;
        }
        return proto == 0x0008 ? XdpAction.Pass : XdpAction.Drop;
    }
}
