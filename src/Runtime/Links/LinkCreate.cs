using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>BPF_LINK_CREATE for the attach types whose target is a descriptor or an interface index.</summary>
internal static class LinkCreate
{
    /// <summary>Creates the link; returns its descriptor, or null with <paramref name="errno"/> set.</summary>
    public static BpfFd? TryCreate(BpfFd program, uint target, AttachType attachType, uint flags, out int errno)
    {
        using var lease = program.Lease();
        var attr = new LinkCreateAttr
        {
            ProgFd = lease.Unsigned,
            TargetFd = target,
            AttachType = (uint)attachType,
            Flags = flags,
        };
        long fd = BpfSyscall.TryInvoke(BpfCommand.LinkCreate, ref attr, out errno);
        return fd < 0 ? null : new BpfFd((int)fd);
    }
}
