using System;

namespace BpfSharp;

/// <summary>
/// The context of tc, socket filter and cgroup skb programs, <c>struct __sk_buff</c>. In a compiled program each
/// property is a load from the kernel's context (which the verifier rewrites into reads of the real sk_buff); in
/// the CLR the context points at an <see cref="SkBuff"/> the caller owns. Which fields a program type may read is
/// the verifier's call (socket filters, for one, cannot read <see cref="Data"/>; use the Load methods instead).
/// </summary>
public readonly unsafe struct SkbContext
{
    private readonly SkBuff* _skb;

    /// <summary>A context over caller-owned state, for running a program as plain .NET.</summary>
    public SkbContext(SkBuff* skb) => _skb = skb;

    private SkBuff* Skb => _skb != null ? _skb : throw new InvalidOperationException("This context has no packet.");

    /// <summary>The packet length in bytes.</summary>
    [ContextMember(0, Size = 4)] public uint Len => (uint)(Skb->DataEnd - Skb->Data);

    /// <summary>PACKET_HOST, PACKET_BROADCAST, PACKET_MULTICAST, PACKET_OTHERHOST, PACKET_OUTGOING.</summary>
    [ContextMember(4, Size = 4)] public uint PktType => Skb->PktType;

    [ContextMember(8, Size = 4)] public uint Mark => Skb->Mark;

    [ContextMember(12, Size = 4)] public uint QueueMapping => Skb->QueueMapping;

    /// <summary>The EtherType in network byte order as the kernel stores it: IPv4 (0x0800) reads as 0x0008 on little-endian machines.</summary>
    [ContextMember(16, Size = 4)] public uint Protocol => Skb->Protocol;

    [ContextMember(20, Size = 4)] public uint VlanPresent => Skb->VlanPresent;

    [ContextMember(24, Size = 4)] public uint VlanTci => Skb->VlanTci;

    [ContextMember(28, Size = 4)] public uint VlanProto => Skb->VlanProto;

    [ContextMember(32, Size = 4)] public uint Priority => Skb->Priority;

    [ContextMember(36, Size = 4)] public uint IngressIfindex => Skb->IngressIfindex;

    [ContextMember(40, Size = 4)] public uint Ifindex => Skb->Ifindex;

    [ContextMember(44, Size = 4)] public uint TcIndex => Skb->TcIndex;

    [ContextMember(68, Size = 4)] public uint Hash => Skb->Hash;

    [ContextMember(72, Size = 4)] public uint TcClassid => Skb->TcClassid;

    /// <summary>The first packet byte: the Ethernet header for tc, the network header for cgroup skb.</summary>
    [ContextMember(76, Size = 4)] public byte* Data => Skb->Data;

    /// <summary>One past the last byte of the packet's linear part.</summary>
    [ContextMember(80, Size = 4)] public byte* DataEnd => Skb->DataEnd;

    [ContextMember(84, Size = 4)] public uint NapiId => Skb->NapiId;

    /// <summary>The socket's address family (AF_INET = 2), for programs that see a socket.</summary>
    [ContextMember(88, Size = 4)] public uint Family => Skb->Family;

    /// <summary>The socket's remote IPv4 address, network byte order.</summary>
    [ContextMember(92, Size = 4)] public uint RemoteIp4 => Skb->RemoteIp4;

    /// <summary>The socket's local IPv4 address, network byte order.</summary>
    [ContextMember(96, Size = 4)] public uint LocalIp4 => Skb->LocalIp4;

    /// <summary>The socket's remote port, network byte order.</summary>
    [ContextMember(132, Size = 4)] public uint RemotePort => Skb->RemotePort;

    /// <summary>The socket's local port, host byte order.</summary>
    [ContextMember(136, Size = 4)] public uint LocalPort => Skb->LocalPort;

    /// <summary>The packet byte at <paramref name="offset"/> from <see cref="Data"/>, or 0 past the end.</summary>
    [PacketLoad(HelperId.SkbLoadBytes, 1, bigEndian: false)]
    public byte LoadByte(int offset) => (byte)PacketBytes.Load(Skb->Data, Skb->DataEnd, offset, 1, false);

    /// <summary>Two packet bytes in network order (e.g. a port or EtherType), or 0 past the end.</summary>
    [PacketLoad(HelperId.SkbLoadBytes, 2, bigEndian: true)]
    public ushort LoadUInt16BigEndian(int offset) => (ushort)PacketBytes.Load(Skb->Data, Skb->DataEnd, offset, 2, true);

    /// <summary>Four packet bytes in network order (e.g. an IPv4 address), or 0 past the end.</summary>
    [PacketLoad(HelperId.SkbLoadBytes, 4, bigEndian: true)]
    public uint LoadUInt32BigEndian(int offset) => (uint)PacketBytes.Load(Skb->Data, Skb->DataEnd, offset, 4, true);

    internal SkBuff* State => Skb;
}

/// <summary>
/// The CLR's stand-in for the kernel's <c>struct sk_buff</c>: a packet buffer the caller keeps pinned and the
/// metadata fields a program may read.
/// </summary>
public unsafe struct SkBuff
{
    /// <summary>State over <paramref name="length"/> bytes at <paramref name="data"/>; nothing else is set.</summary>
    public SkBuff(byte* data, int length)
    {
        this = default;
        Data = data;
        DataEnd = data + length;
    }

    /// <summary>
    /// State over an Ethernet frame, as BPF_PROG_TEST_RUN builds it for a tc program: <see cref="Protocol"/> from
    /// the frame's EtherType and <see cref="PktType"/> PACKET_HOST.
    /// </summary>
    public static SkBuff FromEthernet(byte* frame, int length)
    {
        var skb = new SkBuff(frame, length);
        if (length >= 14)
            skb.Protocol = (uint)(frame[12] | frame[13] << 8);
        return skb;
    }

    public byte* Data;
    public byte* DataEnd;
    public uint PktType;
    public uint Mark;
    public uint QueueMapping;
    public uint Protocol;
    public uint VlanPresent;
    public uint VlanTci;
    public uint VlanProto;
    public uint Priority;
    public uint IngressIfindex;
    public uint Ifindex;
    public uint TcIndex;
    public uint Hash;
    public uint TcClassid;
    public uint NapiId;
    public uint Family;
    public uint RemoteIp4;
    public uint LocalIp4;
    public uint RemotePort;
    public uint LocalPort;
    /// <summary>Where <see cref="Bpf.Redirect(uint, ulong)"/> sent the packet, if it did.</summary>
    public uint RedirectIfindex;

    /// <summary>A copy of the packet as it is now.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[DataEnd - Data];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = Data[i];
        return bytes;
    }
}
