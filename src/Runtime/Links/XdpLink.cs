using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// XDP on an interface: a BPF_XDP link where the kernel has one (Linux 5.9+), netlink otherwise. A link detaches
/// when its last descriptor closes, so a crashed process leaves nothing behind; the netlink fallback cannot offer that.
/// </summary>
internal static class XdpLink
{
    private static readonly KernelVersion s_linkSince = new(5, 9, 0);

    /// <summary>Whether BPF_LINK_CREATE knows BPF_XDP. Links arrived in 5.9 and the syscall gives no cleaner signal: an unknown attach type and a bad interface are both EINVAL.</summary>
    public static bool LinksSupported { get; } = KernelVersion.Current >= s_linkSince;

    public static BpfLink Attach(BpfFd program, int ifindex, XdpFlags flags, bool forceNetlink = false)
    {
        string description = $"xdp:ifindex {ifindex}";
        if (forceNetlink || !LinksSupported)
            return XdpNetlink.Attach(program, ifindex, flags, description + " (netlink)");

        // Links never replace an attached program, so UpdateIfNoExist is implied and not accepted.
        var fd = LinkCreate.TryCreate(program, (uint)ifindex, AttachType.Xdp, (uint)(flags & ~XdpFlags.UpdateIfNoExist), out int errno);
        if (fd is not null)
            return new BpfLink(fd, description);
        throw errno switch
        {
            Errno.EBUSY => new BpfException(BpfCommand.LinkCreate.Name(), errno, $"interface {ifindex} already has an XDP program in this mode."),
            Errno.EOPNOTSUPP => new BpfNotSupportedException("XDP in the requested mode", $"interface {ifindex} ({flags}) does not support it."),
            _ => BpfSyscall.Failure(BpfCommand.LinkCreate, errno, $"attaching XDP to interface {ifindex}."),
        };
    }
}
