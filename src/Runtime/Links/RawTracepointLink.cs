using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>BPF_RAW_TRACEPOINT_OPEN: attaches a raw tracepoint program; the returned fd is the link.</summary>
internal static unsafe class RawTracepointLink
{
    public static BpfLink Attach(BpfFd program, string tracepoint)
    {
        var name = ObjectName.CString(tracepoint);
        using var lease = program.Lease();
        fixed (byte* namePtr = name)
        {
            var attr = new RawTracepointOpenAttr { Name = (ulong)namePtr, ProgFd = lease.Unsigned };
            long fd = BpfSyscall.TryInvoke(BpfCommand.RawTracepointOpen, ref attr, out int errno);
            if (fd < 0)
            {
                throw errno == Errno.ENOENT
                    ? new BpfException(BpfCommand.RawTracepointOpen.Name(), errno, $"no raw tracepoint named '{tracepoint}'.")
                    : BpfSyscall.Failure(BpfCommand.RawTracepointOpen, errno, $"attaching to raw tracepoint '{tracepoint}'.");
            }
            return new BpfLink(new BpfFd((int)fd), "raw_tracepoint:" + tracepoint);
        }
    }
}
