using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; the cursor is checked before each tag; its own range follows it round the loop.
public static unsafe partial class VlanLoop
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthHdr*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Drop;
        ushort proto = eth->Proto;
        ushort vid = 0;
        var vlan = (VlanHdr*)(eth + 1);
        for (int i = 0; i < 2; i++)
        {
            if (proto != 0x0081 && proto != 0xa888) break;
            if ((byte*)(vlan + 1) > end) return XdpAction.Drop;
            vid = (ushort)(vlan->Tci & 0x0fff);
            proto = vlan->Proto;
            vlan++;
        }
        return vid == 100 && proto == 0x0008 ? XdpAction.Pass : XdpAction.Drop;
    }
}
