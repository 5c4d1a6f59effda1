using BpfSharp.Runtime.Objects;

namespace BpfSharp.Runtime;

public sealed partial class BpfProgram
{
    /// <summary>The spec this program was loaded from, when it came from an object; null for raw instructions.</summary>
    public ProgramSpec? Spec { get; private set; }

    /// <summary>Loads one program of an object: <paramref name="code"/> is its linked code with map fds filled in.</summary>
    internal static BpfProgram Load(ProgramSpec spec, string license, byte[] code, ProgramLoadOptions options)
    {
        BpfProgram program;
        try
        {
            program = Load(spec.Type, code, license, spec.Name, options);
        }
        catch (BpfPermissionException denied) when (spec.Type == ProgramType.Tracing && Privileges.CanLoadPrograms(out _))
        {
            throw TracingLink.LoadRefused(spec, denied);
        }
        program.Spec = spec;
        return program;
    }

    /// <summary>
    /// Attaches the program where its section says (as libbpf's auto-attach does): a <c>raw_tracepoint/NAME</c>
    /// program to raw tracepoint NAME. Dispose the link to detach.
    /// </summary>
    /// <exception cref="InvalidOperationException">The program has no spec, or its section names no attach point.</exception>
    public BpfLink Attach()
    {
        var spec = Spec ?? throw new InvalidOperationException($"{this} was loaded from raw instructions; call a specific Attach method.");
        return spec.Type switch
        {
            ProgramType.RawTracepoint when spec.AttachTarget.Length > 0 => AttachRawTracepoint(spec.AttachTarget),
            ProgramType.Tracepoint when spec.AttachTarget.IndexOf('/') > 0 =>
                AttachTracepoint(spec.AttachTarget[..spec.AttachTarget.IndexOf('/')], spec.AttachTarget[(spec.AttachTarget.IndexOf('/') + 1)..]),
            ProgramType.Kprobe when spec.Section.StartsWith("uprobe/", StringComparison.Ordinal) && spec.AttachTarget.LastIndexOf(':') > 0 =>
                AttachUprobe(spec.AttachTarget[..spec.AttachTarget.LastIndexOf(':')], spec.AttachTarget[(spec.AttachTarget.LastIndexOf(':') + 1)..]),
            ProgramType.Kprobe when spec.Section.StartsWith("uretprobe/", StringComparison.Ordinal) && spec.AttachTarget.LastIndexOf(':') > 0 =>
                AttachUretprobe(spec.AttachTarget[..spec.AttachTarget.LastIndexOf(':')], spec.AttachTarget[(spec.AttachTarget.LastIndexOf(':') + 1)..]),
            ProgramType.Kprobe when spec.Section.StartsWith("kprobe/", StringComparison.Ordinal) && spec.AttachTarget.Length > 0 => AttachKprobe(spec.AttachTarget),
            ProgramType.Kprobe when spec.Section.StartsWith("kretprobe/", StringComparison.Ordinal) && spec.AttachTarget.Length > 0 => AttachKretprobe(spec.AttachTarget),
            ProgramType.PerfEvent => AttachPerfEvent(PerfEventSpec.CpuClockAt(99)),
            ProgramType.Tracing when spec.AttachTarget.Length > 0 => AttachTracing(),
            ProgramType.Xdp or ProgramType.SchedCls => throw new InvalidOperationException(
                $"Program '{spec.Name}' (section '{spec.Section}') needs an interface: call {(spec.Type == ProgramType.Xdp ? "AttachXdp" : "AttachTc")}(interface...)."),
            ProgramType.SocketFilter => throw new InvalidOperationException(
                $"Program '{spec.Name}' (section '{spec.Section}') needs a socket: call AttachSocketFilter(socket)."),
            ProgramType.CgroupSkb or ProgramType.CgroupSock => throw new InvalidOperationException(
                $"Program '{spec.Name}' (section '{spec.Section}') needs a cgroup: call AttachCgroup(cgroupPath)."),
            _ => throw new InvalidOperationException($"Section '{spec.Section}' of program '{spec.Name}' names no attach point BpfSharp can attach to automatically."),
        };
    }
}
