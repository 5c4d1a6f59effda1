using System;

namespace BpfSharp;

/// <summary>
/// The context of an XDP program, <c>struct xdp_md</c>: the packet from its Ethernet header on, and where it came
/// from. In a compiled program each property is a load from the kernel's context. In the CLR the context points
/// at an <see cref="XdpBuffer"/> the caller owns, so helpers that move the packet's head or tail change what
/// every copy of the context sees, as in the kernel.
/// </summary>
public readonly unsafe struct XdpContext
{
    private readonly XdpBuffer* _buffer;

    /// <summary>A context over caller-owned state, for running a program as plain .NET.</summary>
    public XdpContext(XdpBuffer* buffer) => _buffer = buffer;

    private XdpBuffer* Buffer => _buffer != null ? _buffer : throw new InvalidOperationException("This context has no packet.");

    /// <summary>The first packet byte (the Ethernet header).</summary>
    [ContextMember(0, Size = 4)]
    public byte* Data => Buffer->Data;

    /// <summary>One past the last packet byte.</summary>
    [ContextMember(4, Size = 4)]
    public byte* DataEnd => Buffer->DataEnd;

    /// <summary>Start of the metadata area in front of <see cref="Data"/> (equal to it when there is none).</summary>
    [ContextMember(8, Size = 4)]
    public byte* DataMeta => Buffer->DataMeta;

    /// <summary>The interface the packet arrived on.</summary>
    [ContextMember(12, Size = 4)]
    public uint IngressIfindex => Buffer->IngressIfindex;

    /// <summary>The receive queue the packet arrived on.</summary>
    [ContextMember(16, Size = 4)]
    public uint RxQueueIndex => Buffer->RxQueueIndex;

    /// <summary>The interface the packet leaves on (devmap programs only).</summary>
    [ContextMember(20, Size = 4)]
    public uint EgressIfindex => Buffer->EgressIfindex;

    /// <summary>The packet byte at <paramref name="offset"/>, or 0 past the end.</summary>
    [PacketLoad(HelperId.XdpLoadBytes, 1, bigEndian: false)]
    public byte LoadByte(int offset) => (byte)PacketBytes.Load(Buffer->Data, Buffer->DataEnd, offset, 1, false);

    /// <summary>Two packet bytes in network order (e.g. a port or EtherType), or 0 past the end.</summary>
    [PacketLoad(HelperId.XdpLoadBytes, 2, bigEndian: true)]
    public ushort LoadUInt16BigEndian(int offset) => (ushort)PacketBytes.Load(Buffer->Data, Buffer->DataEnd, offset, 2, true);

    /// <summary>Four packet bytes in network order (e.g. an IPv4 address), or 0 past the end.</summary>
    [PacketLoad(HelperId.XdpLoadBytes, 4, bigEndian: true)]
    public uint LoadUInt32BigEndian(int offset) => (uint)PacketBytes.Load(Buffer->Data, Buffer->DataEnd, offset, 4, true);

    internal XdpBuffer* State => Buffer;
}

/// <summary>
/// The CLR's stand-in for the kernel's <c>struct xdp_buff</c>: pointers into a packet buffer the caller keeps
/// pinned (with headroom in front of <see cref="Data"/> if the program moves the head), plus the metadata fields.
/// </summary>
public unsafe struct XdpBuffer
{
    /// <summary>State over <paramref name="length"/> bytes at <paramref name="data"/>, with <paramref name="headroom"/> writable bytes before it.</summary>
    public XdpBuffer(byte* data, int length, int headroom = 0)
    {
        Start = data - headroom;
        Data = data;
        DataEnd = data + length;
        DataMeta = data;
        Capacity = data + length;
        IngressIfindex = 0;
        RxQueueIndex = 0;
        EgressIfindex = 0;
    }

    /// <summary>The lowest address the head may move to.</summary>
    public byte* Start;
    public byte* Data;
    public byte* DataEnd;
    public byte* DataMeta;
    /// <summary>The highest address the tail may grow to.</summary>
    public byte* Capacity;
    public uint IngressIfindex;
    public uint RxQueueIndex;
    public uint EgressIfindex;

    /// <summary>A copy of the packet as it is now.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[DataEnd - Data];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = Data[i];
        return bytes;
    }
}
