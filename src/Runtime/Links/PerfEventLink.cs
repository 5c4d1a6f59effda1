using System.Runtime.InteropServices;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// Attaches a program to a perf event (tracepoint, kprobe, uprobe, sampling event): a BPF_LINK_CREATE perf-event
/// link where the kernel has them (5.15+), else PERF_EVENT_IOC_SET_BPF on the event itself. Which one is probed once.
/// Either way the event is enabled afterwards and closed with the link.
/// </summary>
internal static class PerfEventLink
{
    private static bool? s_linksWork;

    public static BpfLink Attach(BpfFd program, BpfFd perfEvent, string description)
    {
        try
        {
            BpfFd? link = s_linksWork != false ? TryCreateLink(program, perfEvent) : null;
            if (link is null)
                SetBpf(program, perfEvent, description);
            Enable(perfEvent, description, link);
            return link is null
                ? new BpfLink(perfEvent, description)
                : new BpfLink(link, description, perfEvent);
        }
        catch
        {
            perfEvent.Dispose();
            throw;
        }
    }

    private static BpfFd? TryCreateLink(BpfFd program, BpfFd perfEvent)
    {
        using var programLease = program.Lease();
        using var eventLease = perfEvent.Lease();
        var attr = new LinkCreateAttr { ProgFd = programLease.Unsigned, TargetFd = eventLease.Unsigned, AttachType = (uint)AttachType.PerfEvent };
        long fd = BpfSyscall.TryInvoke(BpfCommand.LinkCreate, ref attr, out int errno);
        if (fd >= 0)
        {
            s_linksWork = true;
            return new BpfFd((int)fd);
        }
        if (errno == Errno.EPERM)
            throw BpfSyscall.Failure(BpfCommand.LinkCreate, errno);
        // Before 5.15 the command does not know BPF_PERF_EVENT and says EINVAL; decide once, then use the ioctl.
        if (s_linksWork is null && errno == Errno.EINVAL)
        {
            s_linksWork = false;
            return null;
        }
        throw BpfSyscall.Failure(BpfCommand.LinkCreate, errno, "creating a perf event link.");
    }

    private static void SetBpf(BpfFd program, BpfFd perfEvent, string description)
    {
        using var programLease = program.Lease();
        using var eventLease = perfEvent.Lease();
        if (Libc.Ioctl(eventLease.Value, PerfEventIoctl.SetBpf, programLease.Value) < 0)
            throw new BpfException("ioctl PERF_EVENT_IOC_SET_BPF", Marshal.GetLastPInvokeError(), $"attaching to {description}.");
    }

    private static void Enable(BpfFd perfEvent, string description, BpfFd? link)
    {
        using var eventLease = perfEvent.Lease();
        if (Libc.Ioctl(eventLease.Value, PerfEventIoctl.Enable, 0) < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            link?.Dispose();
            throw new BpfException("ioctl PERF_EVENT_IOC_ENABLE", errno, $"enabling {description}.");
        }
    }
}
