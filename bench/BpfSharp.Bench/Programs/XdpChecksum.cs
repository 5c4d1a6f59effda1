using System.Buffers.Binary;

namespace BpfSharp.Bench.Programs;

/// <summary>bench/c/xdp_checksum.c: sums the IPv4 header's 10 words in a bounded loop; drops on a bad checksum.</summary>
public static unsafe partial class XdpChecksum
{
    [BpfProgram, Xdp]
    public static XdpAction xdp_checksum(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthernetHeader*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Drop;
        if (eth->EtherType != BinaryPrimitives.ReverseEndianness(Net.Ipv4)) return XdpAction.Pass;
        var ip = (Ipv4Header*)(eth + 1);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        var words = (ushort*)ip;
        uint sum = 0;
        for (int i = 0; i < 10; i++)
            sum += words[i];
        sum = (sum & 0xffff) + (sum >> 16);
        sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum == 0 ? XdpAction.Pass : XdpAction.Drop;
    }
}
