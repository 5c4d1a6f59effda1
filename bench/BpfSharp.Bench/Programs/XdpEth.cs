using System.Buffers.Binary;

namespace BpfSharp.Bench.Programs;

/// <summary>bench/c/xdp_eth.c: pass IPv4, IPv6 and ARP, drop everything else.</summary>
public static unsafe partial class XdpEth
{
    [BpfProgram, Xdp]
    public static XdpAction xdp_eth(XdpContext ctx)
    {
        var eth = (EthernetHeader*)ctx.Data;
        if ((byte*)(eth + 1) > ctx.DataEnd) return XdpAction.Drop;
        ushort proto = BinaryPrimitives.ReverseEndianness(eth->EtherType);
        return proto is Net.Ipv4 or Net.Ipv6 or Net.Arp ? XdpAction.Pass : XdpAction.Drop;
    }
}
