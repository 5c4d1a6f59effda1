using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace BpfSharp.Samples;

/// <summary>One captured TCP frame as tcpdump prints it: addresses with ports, flags, sequence, window, payload length.</summary>
internal static class TcpLine
{
    /// <summary>The line for an Ethernet frame carrying TCP over IPv4 or IPv6, or null for anything else.</summary>
    public static string? Format(DateTime time, ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 14)
            return null;
        ushort etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        var ip = frame[14..];
        string family;
        IPAddress source, destination;
        int tcpStart, ipEnd;
        if (etherType == 0x0800 && ip.Length >= 20 && ip[9] == 6)
        {
            family = "IP";
            source = new IPAddress(ip.Slice(12, 4));
            destination = new IPAddress(ip.Slice(16, 4));
            tcpStart = (ip[0] & 0xf) * 4;
            ipEnd = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        }
        else if (etherType == 0x86DD && ip.Length >= 40 && ip[6] == 6)
        {
            family = "IP6";
            source = new IPAddress(ip.Slice(8, 16));
            destination = new IPAddress(ip.Slice(24, 16));
            tcpStart = 40;
            ipEnd = 40 + BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
        }
        else
        {
            return null;
        }
        if (ip.Length < tcpStart + 20)
            return null;
        var tcp = ip[tcpStart..];
        int payload = Math.Max(0, ipEnd - tcpStart - (tcp[12] >> 4) * 4);
        return $"{time:HH:mm:ss.ffffff} {family} {source}.{Port(tcp, 0)} > {destination}.{Port(tcp, 2)}: " +
            $"Flags [{Flags(tcp[13])}], seq {BinaryPrimitives.ReadUInt32BigEndian(tcp[4..])}, " +
            $"win {BinaryPrimitives.ReadUInt16BigEndian(tcp[14..])}, length {payload}";
    }

    private static ushort Port(ReadOnlySpan<byte> tcp, int offset) => BinaryPrimitives.ReadUInt16BigEndian(tcp[offset..]);

    /// <summary>tcpdump's flag letters, in its order; '.' is ACK.</summary>
    private static string Flags(byte flags)
    {
        var text = new StringBuilder();
        if ((flags & 0x02) != 0) text.Append('S');
        if ((flags & 0x01) != 0) text.Append('F');
        if ((flags & 0x04) != 0) text.Append('R');
        if ((flags & 0x08) != 0) text.Append('P');
        if ((flags & 0x20) != 0) text.Append('U');
        if ((flags & 0x80) != 0) text.Append('W');
        if ((flags & 0x40) != 0) text.Append('E');
        if ((flags & 0x10) != 0) text.Append('.');
        return text.Length == 0 ? "none" : text.ToString();
    }
}
