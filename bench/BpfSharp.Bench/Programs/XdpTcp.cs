using System.Buffers.Binary;

namespace BpfSharp.Bench.Programs;

/// <summary>bench/c/xdp_tcp.c: drop SYNs without ACK to ports 22 and 23, and TCP with a data offset below 5.</summary>
public static unsafe partial class XdpTcp
{
    [BpfProgram, Xdp]
    public static XdpAction xdp_tcp(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthernetHeader*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Drop;
        if (eth->EtherType != BinaryPrimitives.ReverseEndianness(Net.Ipv4)) return XdpAction.Pass;
        var ip = (Ipv4Header*)(eth + 1);
        if ((byte*)(ip + 1) > end) return XdpAction.Drop;
        if (ip->Protocol != Net.Tcp) return XdpAction.Pass;
        var tcp = (TcpHeader*)((byte*)ip + (ip->VersionIhl & 0xf) * 4);
        if ((byte*)(tcp + 1) > end) return XdpAction.Drop;
        if (tcp->DataOffset >> 4 < 5) return XdpAction.Drop;
        ushort port = BinaryPrimitives.ReverseEndianness(tcp->DestinationPort);
        if ((tcp->Flags & Net.Syn) != 0 && (tcp->Flags & Net.Ack) == 0 && (port == 22 || port == 23)) return XdpAction.Drop;
        return XdpAction.Pass;
    }
}
