using System.Buffers.Binary;

namespace BpfSharp.Bench.Programs;

/// <summary>bench/c/xdp_ipv6.c: drop hop-limit-expired packets and ICMPv6 to anything but link-local (fe80::/10).</summary>
public static unsafe partial class XdpIpv6
{
    [BpfProgram, Xdp]
    public static XdpAction xdp_ipv6(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthernetHeader*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Drop;
        if (eth->EtherType != BinaryPrimitives.ReverseEndianness(Net.Ipv6)) return XdpAction.Pass;
        var ip6 = (Ipv6Header*)(eth + 1);
        if ((byte*)(ip6 + 1) > end) return XdpAction.Drop;
        if (ip6->HopLimit <= 1) return XdpAction.Drop;
        if (ip6->NextHeader == Net.IcmpV6 && (ip6->Destination[0] != 0xfe || (ip6->Destination[1] & 0xc0) != 0x80))
            return XdpAction.Drop;
        return XdpAction.Pass;
    }
}
