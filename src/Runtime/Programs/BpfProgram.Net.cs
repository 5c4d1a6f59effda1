using System;
using System.Net.Sockets;

namespace BpfSharp.Runtime;

public sealed partial class BpfProgram
{
    /// <summary>Attaches an <see cref="ProgramType.Xdp"/> program to interface <paramref name="ifindex"/> (a BPF link, or netlink on kernels before 5.9).</summary>
    public BpfLink AttachXdp(int ifindex, XdpFlags flags = XdpFlags.None)
    {
        RequireType(ProgramType.Xdp, nameof(AttachXdp));
        return XdpLink.Attach(Fd, ifindex, flags);
    }

    /// <inheritdoc cref="AttachXdp(int, XdpFlags)"/>
    public BpfLink AttachXdp(string interfaceName, XdpFlags flags = XdpFlags.None) =>
        AttachXdp(NetworkInterfaces.IndexOf(interfaceName), flags);

    /// <summary>Attaches XDP through netlink even where links exist, so the fallback path can be exercised.</summary>
    internal BpfLink AttachXdpWithNetlink(int ifindex, XdpFlags flags)
    {
        RequireType(ProgramType.Xdp, nameof(AttachXdp));
        return XdpLink.Attach(Fd, ifindex, flags, forceNetlink: true);
    }

    /// <summary>Attaches a <see cref="ProgramType.SchedCls"/> program to interface <paramref name="ifindex"/> through a tcx link.</summary>
    /// <exception cref="BpfNotSupportedException">The kernel has no tcx (before Linux 6.6).</exception>
    public BpfLink AttachTc(int ifindex, TcDirection direction)
    {
        RequireType(ProgramType.SchedCls, nameof(AttachTc));
        return TcxLink.Attach(Fd, ifindex, direction);
    }

    /// <inheritdoc cref="AttachTc(int, TcDirection)"/>
    public BpfLink AttachTc(string interfaceName, TcDirection direction) =>
        AttachTc(NetworkInterfaces.IndexOf(interfaceName), direction);

    /// <summary>Attaches a <see cref="ProgramType.SocketFilter"/> program to <paramref name="socket"/>; disposing the link detaches it.</summary>
    public BpfLink AttachSocketFilter(Socket socket)
    {
        RequireType(ProgramType.SocketFilter, nameof(AttachSocketFilter));
        return SocketFilterAttachment.Attach(Fd, socket);
    }

    /// <summary>
    /// Attaches a cgroup program (cgroup skb, cgroup sock) to the cgroup v2 directory <paramref name="cgroupPath"/>
    /// through a cgroup link. Without <paramref name="attachType"/> the hook is the one the program's section names.
    /// </summary>
    public BpfLink AttachCgroup(string cgroupPath, AttachType? attachType = null)
    {
        var type = attachType ?? Spec?.AttachType
            ?? throw new ArgumentException($"{this} has no section naming its cgroup hook; pass the attach type.", nameof(attachType));
        return CgroupLink.Attach(Fd, cgroupPath, type);
    }

    private void RequireType(ProgramType expected, string method)
    {
        if (Type != expected)
            throw new InvalidOperationException($"{method} needs a {expected} program; {this} is {Type}.");
    }
}
