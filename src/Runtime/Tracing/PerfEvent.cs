using System.Runtime.InteropServices;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>perf_event_open(2): the perf events that tracepoint, probe and sampling programs attach to.</summary>
internal static unsafe class PerfEvent
{
    /// <summary>PERF_FLAG_FD_CLOEXEC.</summary>
    private const long FlagCloseOnExec = 8;

    /// <summary>Opens an event; <paramref name="pid"/> -1 with a CPU means every task on that CPU.</summary>
    public static BpfFd Open(ref PerfEventAttr attr, int pid, int cpu, string what)
    {
        int fd = TryOpen(ref attr, pid, cpu, out int errno);
        if (fd < 0)
        {
            throw errno == Errno.EACCES || errno == Errno.EPERM
                ? new BpfPermissionException("perf_event_open", errno, $"opening {what} needs CAP_PERFMON (or root), or a lower kernel.perf_event_paranoid.")
                : new BpfException("perf_event_open", errno, $"opening {what}.");
        }
        return new BpfFd(fd);
    }

    public static int TryOpen(ref PerfEventAttr attr, int pid, int cpu, out int errno)
    {
        attr.Size = PerfEventAttr.StructSize;
        while (true)
        {
            long fd;
            fixed (PerfEventAttr* pointer = &attr)
                fd = Libc.Syscall(SyscallNumbers.PerfEventOpen, pointer, pid, cpu, -1, FlagCloseOnExec);
            errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
            if (fd >= 0 || errno != Errno.EINTR)
                return (int)fd;
        }
    }
}
