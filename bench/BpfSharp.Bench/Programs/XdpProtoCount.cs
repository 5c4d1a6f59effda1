using System.Buffers.Binary;

namespace BpfSharp.Bench.Programs;

/// <summary>Packets and bytes of one protocol.</summary>
public struct ProtocolCounters
{
    public ulong Packets;
    public ulong Bytes;
}

/// <summary>bench/c/xdp_proto_count.c: per-protocol packet and byte counters (IPv4 protocol, IPv6 next header), per CPU.</summary>
public static unsafe partial class XdpProtoCount
{
    public static readonly PerCpuArrayMap<ProtocolCounters> ProtoCounts = new(256);

    [BpfProgram, Xdp]
    public static XdpAction xdp_proto_count(XdpContext ctx)
    {
        byte* data = ctx.Data, end = ctx.DataEnd;
        var eth = (EthernetHeader*)data;
        if ((byte*)(eth + 1) > end) return XdpAction.Pass;
        uint proto;
        if (eth->EtherType == BinaryPrimitives.ReverseEndianness(Net.Ipv4))
        {
            var ip = (Ipv4Header*)(eth + 1);
            if ((byte*)(ip + 1) > end) return XdpAction.Pass;
            proto = ip->Protocol;
        }
        else if (eth->EtherType == BinaryPrimitives.ReverseEndianness(Net.Ipv6))
        {
            var ip6 = (Ipv6Header*)(eth + 1);
            if ((byte*)(ip6 + 1) > end) return XdpAction.Pass;
            proto = ip6->NextHeader;
        }
        else
        {
            return XdpAction.Pass;
        }
        ProtocolCounters* counters = ProtoCounts.Lookup(proto);
        if (counters != null)
        {
            counters->Packets++;
            counters->Bytes += (ulong)(end - data);
        }
        return XdpAction.Pass;
    }
}
