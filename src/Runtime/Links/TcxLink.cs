using System;
using BpfSharp.Asm;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>tc programs on an interface through tcx links (BPF_TCX_INGRESS/EGRESS, Linux 6.6+).</summary>
internal static class TcxLink
{
    private static readonly Lazy<bool> s_supported = new(Probe);

    public static bool Supported => s_supported.Value;

    public static BpfLink Attach(BpfFd program, int ifindex, TcDirection direction)
    {
        if (!Supported)
            throw new BpfNotSupportedException("tcx links (BPF_LINK_CREATE with BPF_TCX_INGRESS/BPF_TCX_EGRESS)",
                "they need Linux 6.6; the clsact qdisc fallback is not implemented.");
        var attachType = direction == TcDirection.Ingress ? AttachType.TcxIngress : AttachType.TcxEgress;
        var fd = LinkCreate.TryCreate(program, (uint)ifindex, attachType, 0, out int errno);
        if (fd is null)
        {
            throw errno == Errno.ENODEV
                ? new BpfException(BpfCommand.LinkCreate.Name(), errno, $"no network interface with index {ifindex}.")
                : BpfSyscall.Failure(BpfCommand.LinkCreate, errno, $"attaching tc {direction.ToString().ToLowerInvariant()} to interface {ifindex}.");
        }
        return new BpfLink(fd, $"tcx/{direction.ToString().ToLowerInvariant()}:ifindex {ifindex}");
    }

    /// <summary>
    /// A kernel with tcx looks the interface up and answers ENODEV for index 0; one without it rejects the attach
    /// type with EINVAL before that.
    /// </summary>
    private static bool Probe()
    {
        using var program = BpfProgram.Load(ProgramType.SchedCls, Instruction.Encode([Asm.Asm.Mov64(Register.R0, 0), Asm.Asm.Exit()]), "GPL", "tcx_probe");
        using var link = LinkCreate.TryCreate(program.Fd, 0, AttachType.TcxIngress, 0, out int errno);
        return link is not null || errno == Errno.ENODEV;
    }
}
