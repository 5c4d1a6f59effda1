using System.Buffers.Binary;

namespace BpfSharp.Runtime.Tests.Net;

/// <summary>Hand-built frames for BPF_PROG_TEST_RUN and the CLR runs: Ethernet, IPv4, UDP or TCP.</summary>
internal static class Packets
{
    public const int EthernetLength = 14;

    public static byte[] Udp(ushort destinationPort, int payload = 8) => Ipv4(17, destinationPort, 8, payload);

    public static byte[] Tcp(ushort destinationPort) => Ipv4(6, destinationPort, 20, 0);

    /// <summary>An ARP request: not IPv4, which filters must let through untouched.</summary>
    public static byte[] Arp()
    {
        var frame = new byte[42];
        Broadcast(frame);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0806);
        return frame;
    }

    private static byte[] Ipv4(byte protocol, ushort destinationPort, int transportHeader, int payload)
    {
        var frame = new byte[EthernetLength + 20 + transportHeader + payload];
        Broadcast(frame);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(EthernetLength);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + transportHeader + payload));
        ip[8] = 64;
        ip[9] = protocol;
        new byte[] { 10, 199, 0, 2 }.CopyTo(ip[12..]);
        new byte[] { 10, 199, 0, 1 }.CopyTo(ip[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum(ip[..20]));
        var transport = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(transport, 40000);
        BinaryPrimitives.WriteUInt16BigEndian(transport[2..], destinationPort);
        if (protocol == 17)
            BinaryPrimitives.WriteUInt16BigEndian(transport[4..], (ushort)(8 + payload));
        else
            transport[12] = 5 << 4;
        return frame;
    }

    private static void Broadcast(byte[] frame)
    {
        for (int i = 0; i < 6; i++)
            frame[i] = 0xff;
        new byte[] { 0x02, 0, 0, 0, 0, 1 }.CopyTo(frame, 6);
    }

    public static ushort Checksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (int i = 0; i + 1 < header.Length; i += 2)
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        while (sum >> 16 != 0)
            sum = (sum & 0xffff) + (sum >> 16);
        return (ushort)~sum;
    }
}
