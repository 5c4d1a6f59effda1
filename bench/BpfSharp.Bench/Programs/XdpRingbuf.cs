using System.Buffers.Binary;

namespace BpfSharp.Bench.Programs;

/// <summary>One IPv4 packet as xdp_ringbuf reports it.</summary>
public struct PacketEvent
{
    public uint Source;
    public uint Destination;
    public ushort Length;
    public byte Protocol;
    public byte Pad;
}

/// <summary>bench/c/xdp_ringbuf.c: one ring buffer event per IPv4 packet (addresses, protocol, length).</summary>
public static unsafe partial class XdpRingbuf
{
    public static readonly RingBuffer Events = new(1 << 16);

    [BpfProgram, Xdp]
    public static XdpAction xdp_ringbuf(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthernetHeader*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Pass;
        if (eth->EtherType != BinaryPrimitives.ReverseEndianness(Net.Ipv4)) return XdpAction.Pass;
        var ip = (Ipv4Header*)(eth + 1);
        if ((byte*)(ip + 1) > end) return XdpAction.Pass;
        PacketEvent* e = Events.Reserve<PacketEvent>();
        if (e == null) return XdpAction.Pass;
        e->Source = ip->Source;
        e->Destination = ip->Destination;
        e->Length = BinaryPrimitives.ReverseEndianness(ip->TotalLength);
        e->Protocol = ip->Protocol;
        e->Pad = 0;
        Events.Submit(e);
        return XdpAction.Pass;
    }
}
