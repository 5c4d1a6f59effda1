using System.Buffers.Binary;

namespace BpfSharp.Bench.Programs;

/// <summary>bench/c/xdp_udp.c: drop DNS responses (source port 53) over 512 bytes and UDP shorter than its header.</summary>
public static unsafe partial class XdpUdp
{
    [BpfProgram, Xdp]
    public static XdpAction xdp_udp(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthernetHeader*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Drop;
        if (eth->EtherType != BinaryPrimitives.ReverseEndianness(Net.Ipv4)) return XdpAction.Pass;
        var ip = (Ipv4Header*)(eth + 1);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        if (ip->Protocol != Net.Udp) return XdpAction.Pass;
        var udp = (UdpHeader*)((byte*)ip + (ip->VersionIhl & 0xf) * 4);
        if ((byte*)(udp + 1) > end) return XdpAction.Drop;
        ushort length = BinaryPrimitives.ReverseEndianness(udp->Length);
        if (length < sizeof(UdpHeader)) return XdpAction.Drop;
        if (udp->SourcePort == BinaryPrimitives.ReverseEndianness((ushort)53) && length > 512) return XdpAction.Drop;
        return XdpAction.Pass;
    }
}
