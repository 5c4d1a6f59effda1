using System;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// Attaches a program to a perf event (tracepoint, kprobe, uprobe). Since Linux 5.15 BPF_LINK_CREATE with
/// BPF_PERF_EVENT gives a real link; older kernels only have the PERF_EVENT_IOC_SET_BPF ioctl, where the perf
/// event fd itself is the attachment.
/// </summary>
internal static unsafe class PerfEventLink
{
    public static BpfLink Attach(BpfFd program, BpfFd perfEvent, string description, ulong cookie = 0)
    {
        try
        {
            using var programLease = program.Lease();
            using var eventLease = perfEvent.Lease();
            var attr = new LinkCreateAttr
            {
                ProgFd = programLease.Unsigned,
                TargetFd = eventLease.Unsigned,
                AttachType = (uint)AttachType.PerfEvent,
                PerfEventBpfCookie = cookie,
            };
            long fd = BpfSyscall.TryInvoke(BpfCommand.LinkCreate, ref attr, out int errno);
            if (fd >= 0)
                return new BpfLink(new BpfFd((int)fd), description, perfEvent);
            if (errno != Errno.EINVAL && !Errno.IsNotSupported(errno))
                throw BpfSyscall.Failure(BpfCommand.LinkCreate, errno, $"attaching to {description}.");

            if (cookie != 0)
                throw new BpfNotSupportedException("BPF cookies on perf events (BPF_LINK_TYPE_PERF_EVENT)");
            PerfEvent.Ioctl(perfEvent, PerfEventIoctl.SetBpf, programLease.Value, "PERF_EVENT_IOC_SET_BPF");
            PerfEvent.Ioctl(perfEvent, PerfEventIoctl.Enable, 0, "PERF_EVENT_IOC_ENABLE");
            return new BpfLink(perfEvent, description);
        }
        catch
        {
            perfEvent.Dispose();
            throw;
        }
    }
}
