using System;
using System.Runtime.InteropServices;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>Programs on a cgroup v2 directory through cgroup links (Linux 5.7+).</summary>
internal static class CgroupLink
{
    private static readonly KernelVersion s_linkSince = new(5, 7, 0);

    public static BpfLink Attach(BpfFd program, string cgroupPath, AttachType attachType)
    {
        ArgumentException.ThrowIfNullOrEmpty(cgroupPath);
        if (KernelVersion.Current < s_linkSince)
            throw new BpfNotSupportedException("cgroup links (BPF_LINK_CREATE on a cgroup)", "they need Linux 5.7.");
        int cgroupFd = Libc.Open(cgroupPath, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC);
        if (cgroupFd < 0)
        {
            int openErrno = Marshal.GetLastPInvokeError();
            throw new BpfException("open", openErrno, $"cannot open cgroup directory '{cgroupPath}'.");
        }
        using var cgroup = new BpfFd(cgroupFd);
        var fd = LinkCreate.TryCreate(program, (uint)cgroupFd, attachType, 0, out int errno);
        if (fd is null)
            throw BpfSyscall.Failure(BpfCommand.LinkCreate, errno, $"attaching {attachType} to cgroup '{cgroupPath}'.");
        return new BpfLink(fd, $"cgroup:{attachType}:{cgroupPath}");
    }
}
