using System.Buffers.Binary;

namespace BpfSharp.Bench.Programs;

/// <summary>bench/c/xdp_ipv4.c: IPv4 header checks (version, IHL, TTL, fragments); drops malformed packets.</summary>
public static unsafe partial class XdpIpv4
{
    [BpfProgram, Xdp]
    public static XdpAction xdp_ipv4(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthernetHeader*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Drop;
        if (eth->EtherType != BinaryPrimitives.ReverseEndianness(Net.Ipv4)) return XdpAction.Pass;
        var ip = (Ipv4Header*)(eth + 1);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        if (ip->VersionIhl >> 4 != 4 || (ip->VersionIhl & 0xf) < 5) return XdpAction.Drop;
        if (ip->Ttl <= 1) return XdpAction.Drop;
        if ((ip->FragmentOffset & BinaryPrimitives.ReverseEndianness((ushort)0x3fff)) != 0) return XdpAction.Drop;
        return XdpAction.Pass;
    }
}
