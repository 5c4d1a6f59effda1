using System.Buffers.Binary;

namespace BpfSharp.Bench.Codegen;

/// <summary>The packets the programs are test-run on: valid frames that take each program down its main path.</summary>
internal static class Packets
{
    public static byte[] Ipv4Tcp() => Ipv4(protocol: 6, l4: Tcp(dport: 80));

    public static byte[] Ipv4Udp() => Ipv4(protocol: 17, l4: Udp(sport: 53, dport: 40000));

    public static byte[] Ipv6Icmp()
    {
        var frame = Ethernet(0x86dd, 40 + 8);
        var ip = frame.AsSpan(14);
        ip[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], 8);
        ip[6] = 58;  // ICMPv6
        ip[7] = 64;  // hop limit
        ip[24] = 0xfe; ip[25] = 0x80; // destination fe80::1
        ip[39] = 1;
        ip[40] = 128; // echo request
        return frame;
    }

    public static byte[] VlanIpv4()
    {
        var inner = Ipv4Tcp();
        var frame = new byte[inner.Length + 4];
        inner.AsSpan(0, 12).CopyTo(frame);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x8100);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), 100);
        inner.AsSpan(12).CopyTo(frame.AsSpan(16));
        return frame;
    }

    private static byte[] Ethernet(ushort etherType, int payload)
    {
        var frame = new byte[14 + payload];
        for (int i = 0; i < 6; i++) { frame[i] = 0x02; frame[6 + i] = (byte)(0x10 + i); }
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), etherType);
        return frame;
    }

    private static byte[] Ipv4(byte protocol, byte[] l4)
    {
        var frame = Ethernet(0x0800, 20 + l4.Length);
        var ip = frame.AsSpan(14, 20);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + l4.Length));
        ip[8] = 64;
        ip[9] = protocol;
        ip[12] = 10; ip[15] = 1;  // 10.0.0.1
        ip[16] = 10; ip[19] = 2;  // 10.0.0.2
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum(ip));
        l4.CopyTo(frame.AsSpan(34));
        return frame;
    }

    private static byte[] Tcp(ushort dport)
    {
        var tcp = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, 40000);
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(2), dport);
        tcp[12] = 5 << 4;
        tcp[13] = 0x10; // ACK
        return tcp;
    }

    private static byte[] Udp(ushort sport, ushort dport)
    {
        var udp = new byte[8 + 32];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sport);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), dport);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
        return udp;
    }

    private static ushort Checksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (int i = 0; i < header.Length; i += 2)
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        while (sum > 0xffff)
            sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }
}
