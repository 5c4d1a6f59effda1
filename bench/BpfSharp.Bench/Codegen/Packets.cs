using System.Buffers.Binary;

namespace BpfSharp.Bench.Codegen;

/// <summary>
/// The packets the programs run on: one per program that takes it down its main path (timed), and a corpus of
/// frames that between them reach every branch of every program, on which the clang and C# twins must agree.
/// </summary>
internal static class Packets
{
    public static byte[] Ipv4Tcp() => Ipv4(Net.Tcp, Tcp(dport: 80));

    public static byte[] Ipv4Udp() => Ipv4(Net.Udp, Udp(sport: 53, dport: 40000, payload: 32));

    public static byte[] Ipv6Icmp() => Ipv6(Net.IcmpV6, hopLimit: 64, destination0: 0xfe, destination1: 0x80);

    public static byte[] VlanIpv4() => Vlan(Ipv4Tcp(), 0x8100, 100);

    /// <summary>
    /// BPF_PROG_TEST_RUN hands a socket filter the packet from its network header on (it pulls the Ethernet header
    /// as a receiving device does), so the frame whose bytes the filter reads as Ethernet + IPv4 + TCP to port 80
    /// sits behind an outer Ethernet header.
    /// </summary>
    public static byte[] SocketIpv4Tcp() => BehindEthernet(Ipv4Tcp());

    /// <summary>Frames that reach every branch of the 13 programs: protocols, malformed headers, truncations, ports, flags, sizes.</summary>
    public static IReadOnlyList<(string Name, byte[] Frame)> Corpus()
    {
        var frames = new List<(string, byte[])>
        {
            ("ipv4-tcp-80", Ipv4Tcp()),
            ("ipv4-udp-dns-small", Ipv4Udp()),
            ("ipv4-udp-dns-large", Ipv4(Net.Udp, Udp(sport: 53, dport: 40000, payload: 600))),
            ("ipv4-udp-54-large", Ipv4(Net.Udp, Udp(sport: 54, dport: 40000, payload: 600))),
            ("ipv4-udp-short-length", Ipv4(Net.Udp, Udp(sport: 53, dport: 40000, payload: 8, length: 4))),
            ("ipv4-udp-truncated", Truncate(Ipv4(Net.Udp, Udp(sport: 53, dport: 1, payload: 0)), 14 + 20 + 4)),
            ("ipv4-tcp-syn-22", Ipv4(Net.Tcp, Tcp(dport: 22, flags: 0x02))),
            ("ipv4-tcp-syn-23", Ipv4(Net.Tcp, Tcp(dport: 23, flags: 0x02))),
            ("ipv4-tcp-synack-22", Ipv4(Net.Tcp, Tcp(dport: 22, flags: 0x12))),
            ("ipv4-tcp-syn-443", Ipv4(Net.Tcp, Tcp(dport: 443, flags: 0x02))),
            ("ipv4-tcp-doff-4", Ipv4(Net.Tcp, Tcp(dport: 80, dataOffset: 4))),
            ("ipv4-tcp-options-ihl-6", Ipv4(Net.Tcp, Tcp(dport: 22, flags: 0x02), ihl: 6, source: 0x0a000003)),
            ("ipv4-tcp-truncated", Truncate(Ipv4(Net.Tcp, Tcp(dport: 80)), 14 + 20 + 10)),
            ("ipv4-icmp-other-source", Ipv4(1, new byte[8], source: 0xc0a80001)),
            ("ipv4-bad-checksum", Corrupt(Ipv4Tcp(), 14 + 10)),
            ("ipv4-version-6", Ipv4(Net.Tcp, Tcp(dport: 80), version: 6)),
            ("ipv4-ihl-4", Ipv4(Net.Tcp, Tcp(dport: 80), ihl: 4)),
            ("ipv4-ttl-1", Ipv4(Net.Tcp, Tcp(dport: 80), ttl: 1)),
            ("ipv4-ttl-0", Ipv4(Net.Tcp, Tcp(dport: 80), ttl: 0)),
            ("ipv4-more-fragments", Ipv4(Net.Tcp, Tcp(dport: 80), fragment: 0x2000)),
            ("ipv4-fragment-offset", Ipv4(Net.Tcp, Tcp(dport: 80), fragment: 0x0010)),
            ("ipv4-dont-fragment", Ipv4(Net.Tcp, Tcp(dport: 80), fragment: 0x4000)),
            ("ipv4-header-truncated", Truncate(Ipv4Tcp(), 14 + 12)),
            ("ipv6-icmp-link-local", Ipv6Icmp()),
            ("ipv6-icmp-febf", Ipv6(Net.IcmpV6, 64, 0xfe, 0xbf)),
            ("ipv6-icmp-fec0", Ipv6(Net.IcmpV6, 64, 0xfe, 0xc0)),
            ("ipv6-icmp-global", Ipv6(Net.IcmpV6, 64, 0x20, 0x01)),
            ("ipv6-tcp-global", Ipv6(Net.Tcp, 64, 0x20, 0x01)),
            ("ipv6-hop-limit-1", Ipv6(Net.Tcp, 1, 0x20, 0x01)),
            ("ipv6-truncated", Truncate(Ipv6Icmp(), 14 + 30)),
            ("arp", Ethernet(Net.Arp, 28)),
            ("lldp", Ethernet(0x88cc, 32)),
            ("ethernet-only", Ethernet(Net.Ipv4, 0)),
            ("vlan-100-ipv4", VlanIpv4()),
            ("vlan-101-ipv4", Vlan(Ipv4Tcp(), 0x8100, 101)),
            ("vlan-100-ipv6", Vlan(Ipv6Icmp(), 0x8100, 100)),
            ("qinq-100-ipv4", Vlan(Vlan(Ipv4Tcp(), 0x8100, 100), 0x88a8, 7)),
            ("qinq-7-ipv4", Vlan(Vlan(Ipv4Tcp(), 0x8100, 7), 0x88a8, 100)),
            ("three-tags", Vlan(Vlan(Vlan(Ipv4Tcp(), 0x8100, 100), 0x8100, 100), 0x88a8, 100)),
            ("vlan-truncated", Truncate(VlanIpv4(), 16)),
            ("socket-ipv4-tcp-80", SocketIpv4Tcp()),
            ("socket-ipv4-tcp-443-options", BehindEthernet(Ipv4(Net.Tcp, Tcp(dport: 443), ihl: 6))),
            ("socket-ipv4-tcp-22", BehindEthernet(Ipv4(Net.Tcp, Tcp(dport: 22)))),
            ("socket-ipv4-udp-80", BehindEthernet(Ipv4(Net.Udp, Udp(sport: 1, dport: 80, payload: 0)))),
            ("socket-ipv6", BehindEthernet(Ipv6Icmp())),
            ("socket-truncated", Truncate(SocketIpv4Tcp(), 14 + 14 + 20 + 1)),
        };
        return frames;
    }

    private static byte[] Ethernet(ushort etherType, int payload)
    {
        var frame = new byte[14 + payload];
        for (int i = 0; i < 6; i++) { frame[i] = 0x02; frame[6 + i] = (byte)(0x10 + i); }
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), etherType);
        return frame;
    }

    private static byte[] BehindEthernet(byte[] frame)
    {
        var outer = Ethernet(Net.Ipv4, frame.Length);
        frame.CopyTo(outer, 14);
        return outer;
    }

    private static byte[] Vlan(byte[] inner, ushort tagType, ushort vid)
    {
        var frame = new byte[inner.Length + 4];
        inner.AsSpan(0, 12).CopyTo(frame);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), tagType);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), vid);
        inner.AsSpan(12).CopyTo(frame.AsSpan(16));
        return frame;
    }

    private static byte[] Ipv4(byte protocol, byte[] l4, int version = 4, int ihl = 5, byte ttl = 64, ushort fragment = 0, uint source = 0x0a000001)
    {
        int headerLength = Math.Max(ihl, 5) * 4;
        var frame = Ethernet(Net.Ipv4, headerLength + l4.Length);
        var ip = frame.AsSpan(14, headerLength);
        ip[0] = (byte)(version << 4 | ihl);
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(headerLength + l4.Length));
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], fragment);
        ip[8] = ttl;
        ip[9] = protocol;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], 0x0a000002);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum(ip));
        l4.CopyTo(frame.AsSpan(14 + headerLength));
        return frame;
    }

    private static byte[] Ipv6(byte nextHeader, byte hopLimit, byte destination0, byte destination1)
    {
        var frame = Ethernet(Net.Ipv6, 40 + 8);
        var ip = frame.AsSpan(14);
        ip[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], 8);
        ip[6] = nextHeader;
        ip[7] = hopLimit;
        ip[24] = destination0;
        ip[25] = destination1;
        ip[39] = 1;
        ip[40] = 128; // ICMPv6 echo request, or the first byte of a source port
        return frame;
    }

    private static byte[] Tcp(ushort dport, byte flags = 0x10, int dataOffset = 5)
    {
        var tcp = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, 40000);
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(2), dport);
        tcp[12] = (byte)(dataOffset << 4);
        tcp[13] = flags;
        return tcp;
    }

    private static byte[] Udp(ushort sport, ushort dport, int payload, int? length = null)
    {
        var udp = new byte[8 + payload];
        BinaryPrimitives.WriteUInt16BigEndian(udp, sport);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), dport);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)(length ?? udp.Length));
        return udp;
    }

    private static byte[] Truncate(byte[] frame, int length) => frame[..length];

    private static byte[] Corrupt(byte[] frame, int offset)
    {
        frame[offset] ^= 0x5a;
        return frame;
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

    private static class Net
    {
        public const ushort Ipv4 = 0x0800, Ipv6 = 0x86dd, Arp = 0x0806;
        public const byte Tcp = 6, Udp = 17, IcmpV6 = 58;
    }
}
