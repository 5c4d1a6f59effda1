namespace BpfSharp.Generator.Model;

/// <summary>The kinds of program BpfSharp compiles; each maps to a kernel program type and a libbpf section prefix.</summary>
internal enum ProgramKind
{
    RawTracepoint,
    Tracepoint,
    Uprobe,
    Uretprobe,
    Kprobe,
    Kretprobe,
    PerfEvent,
    Fentry,
    Fexit,
    Xdp,
    Tc,
    SocketFilter,
    CgroupSkb,
    CgroupSock,
}

/// <summary>
/// One [BpfProgram] method as the parser saw it: what it is, where it attaches and the ELF section libbpf expects.
/// </summary>
/// <param name="MethodName">The C# method name, also the ELF symbol and the kernel's program name (truncated to 15 bytes).</param>
/// <param name="Kind">The program type.</param>
/// <param name="Section">The ELF section, by libbpf's conventions, e.g. <c>raw_tracepoint/sys_enter</c>.</param>
/// <param name="AttachTarget">What to attach to, e.g. the tracepoint name.</param>
/// <param name="Location">The method's identifier, for diagnostics.</param>
/// <param name="TracepointFields">For a tracepoint: the fields of its context's struct as compiled, offsets from the record's start.</param>
internal sealed record ProgramSpec(string MethodName, ProgramKind Kind, string Section, string AttachTarget, LocationInfo? Location,
    EquatableArray<TracepointFieldSpec> TracepointFields = default);

/// <summary>One field of a tracepoint struct as the compiled program reads it, for the runtime's format check.</summary>
internal sealed record TracepointFieldSpec(string Name, int Offset, int Size);
