using System.Runtime.InteropServices;

namespace BpfSharp.Runtime.Interop;

/// <summary>perf_event_open(2), which glibc does not wrap.</summary>
internal static unsafe class PerfEvent
{
    /// <summary>PERF_FLAG_FD_CLOEXEC.</summary>
    private const long FlagFdCloexec = 8;

    /// <summary>Opens a tracepoint event (config = its tracefs id) counting on <paramref name="cpu"/> for every task.</summary>
    public static BpfFd OpenTracepoint(ulong tracepointId, int cpu = 0)
    {
        var attr = new PerfEventAttr
        {
            Type = PerfEventAttr.TypeTracepoint,
            Size = PerfEventAttr.StructSize,
            Config = tracepointId,
            SamplePeriod = 1,
            WakeupEvents = 1,
        };
        long fd = Libc.Syscall(SyscallNumbers.PerfEventOpen, &attr, pid: -1, cpu, groupFd: -1, FlagFdCloexec);
        if (fd < 0)
            throw new BpfException("perf_event_open", Marshal.GetLastPInvokeError(), $"opening tracepoint id {tracepointId}.");
        return new BpfFd((int)fd);
    }

    /// <summary>Opens any event; <paramref name="pid"/> -1 with a CPU means every task on that CPU.</summary>
    public static BpfFd Open(ref PerfEventAttr attr, int pid, int cpu, string what)
    {
        attr.Size = PerfEventAttr.StructSize;
        while (true)
        {
            long fd;
            fixed (PerfEventAttr* pointer = &attr)
                fd = Libc.Syscall(SyscallNumbers.PerfEventOpen, pointer, pid, cpu, -1, FlagFdCloexec);
            if (fd >= 0)
                return new BpfFd((int)fd);
            int errno = Marshal.GetLastPInvokeError();
            if (errno == Errno.EINTR)
                continue;
            throw errno is Errno.EACCES or Errno.EPERM
                ? new BpfPermissionException("perf_event_open", errno, $"opening {what} needs CAP_PERFMON (or root), or a lower kernel.perf_event_paranoid.")
                : new BpfException("perf_event_open", errno, $"opening {what}.");
        }
    }

    public static void Ioctl(BpfFd perfEvent, nuint request, nint argument, string what)
    {
        using var lease = perfEvent.Lease();
        if (Libc.Ioctl(lease.Value, request, argument) != 0)
            throw new BpfException(what, Marshal.GetLastPInvokeError());
    }
}
