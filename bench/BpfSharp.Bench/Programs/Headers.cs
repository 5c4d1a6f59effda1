using System.Runtime.InteropServices;

namespace BpfSharp.Bench.Programs;

// The protocol headers of bench/c, laid out as linux/if_ether.h, ip.h, ipv6.h, tcp.h and udp.h lay them out.
// Multi-byte fields are in network byte order, as they lie in the packet.

/// <summary>A MAC address (6 bytes).</summary>
public unsafe struct MacAddress
{
    public fixed byte Bytes[6];
}

/// <summary>struct ethhdr: 14 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct EthernetHeader
{
    public MacAddress Destination;
    public MacAddress Source;
    public ushort EtherType;
}

/// <summary>struct vlan_hdr of xdp_vlan.c: the 4 bytes after an 802.1Q/802.1ad EtherType.</summary>
public struct VlanHeader
{
    public ushort Tci;
    public ushort EtherType;
}

/// <summary>struct iphdr: 20 bytes without options; <see cref="VersionIhl"/> holds version (high nibble) and IHL (low).</summary>
public struct Ipv4Header
{
    public byte VersionIhl;
    public byte Tos;
    public ushort TotalLength;
    public ushort Id;
    public ushort FragmentOffset;
    public byte Ttl;
    public byte Protocol;
    public ushort Checksum;
    public uint Source;
    public uint Destination;
}

/// <summary>struct ipv6hdr: 40 bytes.</summary>
public unsafe struct Ipv6Header
{
    public uint VersionClassFlow;
    public ushort PayloadLength;
    public byte NextHeader;
    public byte HopLimit;
    public fixed byte Source[16];
    public fixed byte Destination[16];
}

/// <summary>struct tcphdr: 20 bytes; <see cref="DataOffset"/> holds doff in its high nibble, <see cref="Flags"/> FIN (bit 0) to CWR (bit 7).</summary>
public struct TcpHeader
{
    public ushort SourcePort;
    public ushort DestinationPort;
    public uint Sequence;
    public uint Acknowledgment;
    public byte DataOffset;
    public byte Flags;
    public ushort Window;
    public ushort Checksum;
    public ushort UrgentPointer;
}

/// <summary>struct udphdr: 8 bytes.</summary>
public struct UdpHeader
{
    public ushort SourcePort;
    public ushort DestinationPort;
    public ushort Length;
    public ushort Checksum;
}

/// <summary>EtherTypes (host order, as in linux/if_ether.h), IP protocol numbers and TCP flag bits.</summary>
public static class Net
{
    public const ushort Ipv4 = 0x0800;
    public const ushort Ipv6 = 0x86DD;
    public const ushort Arp = 0x0806;
    public const ushort Vlan8021Q = 0x8100;
    public const ushort Vlan8021AD = 0x88A8;

    public const byte Tcp = 6;
    public const byte Udp = 17;
    public const byte IcmpV6 = 58;

    public const byte Syn = 0x02;
    public const byte Ack = 0x10;
}
