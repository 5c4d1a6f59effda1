namespace BpfSharp.Runtime.Tests.Net;

/// <summary>
/// Packet programs compiled by the generator in this project. Each drops UDP to <see cref="DroppedPort"/> and lets
/// everything else through; the same methods also run as plain .NET over the same bytes.
/// </summary>
public static partial class NetPrograms
{
    public const int DroppedPort = 7777;

    [BpfProgram, Xdp]
    public static XdpAction XdpDropUdp(XdpContext ctx)
    {
        if (ctx.LoadUInt16BigEndian(12) != 0x0800)
            return XdpAction.Pass;
        byte versionAndLength = ctx.LoadByte(14);
        if (versionAndLength >> 4 != 4 || ctx.LoadByte(23) != 17)
            return XdpAction.Pass;
        return ctx.LoadUInt16BigEndian(14 + (versionAndLength & 0xf) * 4 + 2) == DroppedPort ? XdpAction.Drop : XdpAction.Pass;
    }

    [BpfProgram, Tc(TcDirection.Ingress)]
    public static TcAction TcDropUdp(SkbContext ctx)
    {
        // The EtherType as the kernel stores it: 0x0800 in network order read as a little-endian word.
        if (ctx.Protocol != 0x0008)
            return TcAction.Ok;
        int ihl = (ctx.LoadByte(14) & 0xf) * 4;
        if (ctx.LoadByte(23) == 17 && ctx.LoadUInt16BigEndian(14 + ihl + 2) == DroppedPort)
            return TcAction.Shot;
        return TcAction.Ok;
    }

    [BpfProgram, Tc(TcDirection.Egress)]
    public static TcAction TcEgressDropUdp(SkbContext ctx)
    {
        if (ctx.Protocol != 0x0008)
            return TcAction.Ok;
        int ihl = (ctx.LoadByte(14) & 0xf) * 4;
        return ctx.LoadByte(23) == 17 && ctx.LoadUInt16BigEndian(14 + ihl + 2) == DroppedPort ? TcAction.Shot : TcAction.Ok;
    }

    /// <summary>Keeps only UDP to the dropped port (a capture filter): data starts at the IP header.</summary>
    [BpfProgram, SocketFilter]
    public static int KeepUdpToPort(SkbContext ctx)
    {
        int ihl = (ctx.LoadByte(0) & 0xf) * 4;
        if (ctx.LoadByte(9) == 17 && ctx.LoadUInt16BigEndian(ihl + 2) == DroppedPort)
            return (int)ctx.Len;
        return 0;
    }

    /// <summary>Refuses to send UDP to the dropped port from the cgroup: data starts at the IP header.</summary>
    [BpfProgram, CgroupSkb(CgroupSkbDirection.Egress)]
    public static int CgroupDenyUdp(SkbContext ctx)
    {
        int ihl = (ctx.LoadByte(0) & 0xf) * 4;
        if (ctx.LoadByte(9) == 17 && ctx.LoadUInt16BigEndian(ihl + 2) == DroppedPort)
            return 0;
        return 1;
    }

    /// <summary>Refuses UDP sockets in the cgroup (SOCK_DGRAM = 2, IPPROTO_UDP = 17).</summary>
    [BpfProgram, CgroupSock(CgroupSockEvent.SockCreate)]
    public static int CgroupDenyUdpSockets(SockContext ctx) => ctx.Type == 2 && ctx.Protocol == 17 ? 0 : 1;
}
