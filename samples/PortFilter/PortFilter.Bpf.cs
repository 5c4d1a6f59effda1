using BpfSharp;

namespace BpfSharp.Samples;

/// <summary>
/// The seeds' "tcp and port 80", in the kernel: the same match as an XDP program that drops what matches and as a
/// socket filter that keeps only what matches. Both see the packet from its Ethernet header on.
/// </summary>
public static unsafe partial class PortFilter
{
    /// <summary>The port to match; the host sets it before load (<c>--port</c>), so the verifier sees a constant.</summary>
    public static readonly ushort Port = 80;

    /// <summary>Packets the XDP program passed (index <see cref="Passed"/>) and dropped (<see cref="Dropped"/>).</summary>
    public static readonly ArrayMap<ulong> Counts = new(2);

    public const uint Passed = 0;
    public const uint Dropped = 1;

    [BpfProgram, Xdp]
    public static XdpAction DropPort(XdpContext ctx)
    {
        uint slot = Passed;
        int l4 = 0;
        ushort etherType = ctx.LoadUInt16BigEndian(12);
        if (etherType == 0x0800 && ctx.LoadByte(23) == 6)
            l4 = 14 + (ctx.LoadByte(14) & 0xf) * 4;
        else if (etherType == 0x86DD && ctx.LoadByte(20) == 6)
            l4 = 14 + 40;
        if (l4 != 0 && (ctx.LoadUInt16BigEndian(l4) == Port || ctx.LoadUInt16BigEndian(l4 + 2) == Port))
            slot = Dropped;
        ulong* count = Counts.Lookup(slot);
        if (count != null)
            Bpf.AtomicAdd(count, 1);
        return slot == Dropped ? XdpAction.Drop : XdpAction.Pass;
    }

    /// <summary>On a packet socket: the whole packet for a match, nothing otherwise.</summary>
    [BpfProgram, SocketFilter]
    public static int KeepPort(SkbContext ctx)
    {
        int l4 = 0;
        ushort etherType = ctx.LoadUInt16BigEndian(12);
        if (etherType == 0x0800 && ctx.LoadByte(23) == 6)
            l4 = 14 + (ctx.LoadByte(14) & 0xf) * 4;
        else if (etherType == 0x86DD && ctx.LoadByte(20) == 6)
            l4 = 14 + 40;
        if (l4 != 0 && (ctx.LoadUInt16BigEndian(l4) == Port || ctx.LoadUInt16BigEndian(l4 + 2) == Port))
            return (int)ctx.Len;
        return 0;
    }
}
