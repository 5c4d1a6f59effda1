using System.Buffers.Binary;

namespace BpfSharp.Bench.Programs;

/// <summary>bench/c/socket_filter.c: keep IPv4 TCP packets to port 80 or 443 whole, drop the rest.</summary>
public static unsafe partial class SocketFilterWeb
{
    private const uint EthernetLength = 14;

    [BpfProgram, SocketFilter]
    public static int socket_filter(SkbContext ctx)
    {
        ushort proto;
        if (Bpf.SkbLoadBytes(ctx, 12, &proto, sizeof(ushort)) < 0) return 0;
        if (proto != BinaryPrimitives.ReverseEndianness(Net.Ipv4)) return 0;
        byte versionIhl, protocol;
        if (Bpf.SkbLoadBytes(ctx, EthernetLength, &versionIhl, 1) < 0) return 0;
        if (Bpf.SkbLoadBytes(ctx, EthernetLength + 9, &protocol, 1) < 0) return 0;
        if (protocol != Net.Tcp) return 0;
        ushort port;
        uint offset = EthernetLength + (uint)(versionIhl & 0xf) * 4 + 2;
        if (Bpf.SkbLoadBytes(ctx, offset, &port, sizeof(ushort)) < 0) return 0;
        port = BinaryPrimitives.ReverseEndianness(port);
        return port == 80 || port == 443 ? (int)ctx.Len : 0;
    }
}
