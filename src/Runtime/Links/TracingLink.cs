using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// fentry/fexit: the program was loaded against its kernel function's BTF id; BPF_RAW_TRACEPOINT_OPEN without a
/// name builds the trampoline and returns the link. Kernels or architectures without trampolines refuse with
/// ENOTSUPP, which becomes a <see cref="BpfNotSupportedException"/>.
/// </summary>
internal static class TracingLink
{
    public static BpfLink Attach(BpfFd program, string kind, string function)
    {
        using var lease = program.Lease();
        var attr = new RawTracepointOpenAttr { Name = 0, ProgFd = lease.Unsigned };
        long fd = BpfSyscall.TryInvoke(BpfCommand.RawTracepointOpen, ref attr, out int errno);
        if (fd < 0)
        {
            throw errno is Errno.ENOTSUPP or Errno.EOPNOTSUPP
                ? new BpfNotSupportedException("fentry/fexit", $"the kernel cannot build a BPF trampoline for {kind} on '{function}' ({Errno.Name(errno)}).")
                : BpfSyscall.Failure(BpfCommand.RawTracepointOpen, errno, $"attaching {kind} to '{function}'.");
        }
        return new BpfLink(new BpfFd((int)fd), $"{kind}:{function}");
    }

    /// <summary>
    /// A privileged process whose fentry/fexit load gets EPERM is on a kernel that cannot build trampolines for it
    /// (no CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS, or a lockdown/LSM rule on tracing): libbpf sees the same.
    /// </summary>
    public static BpfNotSupportedException LoadRefused(Objects.ProgramSpec spec, BpfException denied)
    {
        string kind = spec.AttachType == AttachType.TraceFexit ? "fexit" : "fentry";
        return new BpfNotSupportedException("fentry/fexit",
            $"the kernel refused to load {kind} program '{spec.Name}' on '{spec.AttachTarget}' ({denied.ErrnoName}) although this process may load other programs.", denied);
    }
}
