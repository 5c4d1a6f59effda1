using System.Buffers.Binary;

namespace BpfSharp.Bench.Programs;

/// <summary>bench/c/xdp_vlan.c: walks up to two VLAN tags (bounded loop) and passes only IPv4 on VLAN 100.</summary>
public static unsafe partial class XdpVlan
{
    [BpfProgram, Xdp]
    public static XdpAction xdp_vlan(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthernetHeader*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Drop;
        ushort proto = eth->EtherType;
        ushort vid = 0;
        byte* cursor = (byte*)(eth + 1);
        for (int i = 0; i < 2; i++)
        {
            if (proto != BinaryPrimitives.ReverseEndianness(Net.Vlan8021Q) && proto != BinaryPrimitives.ReverseEndianness(Net.Vlan8021AD))
                break;
            var vlan = (VlanHeader*)cursor;
            if ((byte*)(vlan + 1) > end) return XdpAction.Drop;
            vid = (ushort)(BinaryPrimitives.ReverseEndianness(vlan->Tci) & 0x0fff);
            proto = vlan->EtherType;
            cursor = (byte*)(vlan + 1);
        }
        return vid == 100 && proto == BinaryPrimitives.ReverseEndianness(Net.Ipv4) ? XdpAction.Pass : XdpAction.Drop;
    }
}
