using System;

namespace BpfSharp.Runtime;

/// <summary>The optional parts of BPF_PROG_LOAD. Unset members leave the kernel's defaults.</summary>
public sealed class ProgramLoadOptions
{
    /// <summary>Needed at load time by program types whose context or helpers depend on the attach point (cgroup, tracing, ...).</summary>
    public AttachType? ExpectedAttachType { get; init; }

    /// <summary>The program's BTF (from BPF_BTF_LOAD); required when <see cref="FuncInfo"/> or <see cref="LineInfo"/> is given.</summary>
    public BpfFd? ProgramBtf { get; init; }

    /// <summary>Packed <c>struct bpf_func_info</c> records.</summary>
    public ReadOnlyMemory<byte> FuncInfo { get; init; }

    /// <summary>Size of one func_info record; the kernel accepts larger records from newer userspace.</summary>
    public uint FuncInfoRecordSize { get; init; } = 8;

    /// <summary>Packed <c>struct bpf_line_info</c> records.</summary>
    public ReadOnlyMemory<byte> LineInfo { get; init; }

    public uint LineInfoRecordSize { get; init; } = 16;

    /// <summary>The program's resolved line table, to name the source line of a verifier failure.</summary>
    internal SourceLines? Source { get; init; }

    /// <summary>In-kernel BTF type id to attach to (fentry, lsm, struct_ops, tp_btf).</summary>
    public uint AttachBtfId { get; init; }

    /// <summary>Program to extend (freplace) or module BTF object holding <see cref="AttachBtfId"/>.</summary>
    public BpfFd? AttachTarget { get; init; }

    /// <summary>File descriptors that BPF_PSEUDO_MAP_IDX / kfunc instructions index into.</summary>
    public ReadOnlyMemory<int> FdArray { get; init; }

    public ProgramFlags Flags { get; init; }

    /// <summary>Offload target device; 0 for the host.</summary>
    public uint IfIndex { get; init; }

    /// <summary>Ask for a verifier log even when the load succeeds; it ends up in <see cref="BpfProgram.VerifierLog"/>.</summary>
    public VerifierLogLevel LogLevel { get; init; }

    /// <summary>First log buffer size; the loader grows it when the kernel reports truncation.</summary>
    public int InitialLogSize { get; init; } = 64 * 1024;
}
