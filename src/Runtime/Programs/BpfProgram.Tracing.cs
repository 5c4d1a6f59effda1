namespace BpfSharp.Runtime;

public sealed partial class BpfProgram
{
    /// <summary>
    /// Attaches a <see cref="ProgramType.Tracepoint"/> program to tracepoint CATEGORY:NAME. When the program came from
    /// a BpfSharp object, its struct's fields are first checked against the kernel's format for the tracepoint.
    /// </summary>
    /// <exception cref="TracepointFormatException">The program's struct disagrees with the format; the message names the field.</exception>
    /// <exception cref="BpfNotSupportedException">The kernel has no such tracepoint.</exception>
    public BpfLink AttachTracepoint(string category, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(category);
        ArgumentException.ThrowIfNullOrEmpty(name);
        CheckTracepointFormat(category, name);
        return TracepointLink.Attach(Fd, category, name);
    }

    /// <summary>Checks the program's recorded tracepoint struct (if it has one) against the kernel's format.</summary>
    public void CheckTracepointFormat(string category, string name)
    {
        if (Spec is { TracepointFields.Count: > 0 } spec)
            TracepointFormat.Read(category, name).Check(spec.TracepointFields, spec.Name);
    }

    /// <summary>Attaches a <see cref="ProgramType.Kprobe"/> program to the entry of <paramref name="symbol"/> in an executable or library.</summary>
    /// <param name="pid">Only this process; null for every process that maps the file.</param>
    public BpfLink AttachUprobe(string binaryPath, string symbol, int? pid = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(binaryPath);
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        return ProbeLink.AttachUprobe(Fd, binaryPath, symbol, isReturn: false, pid ?? -1);
    }

    /// <summary>Attaches a <see cref="ProgramType.Kprobe"/> program to the return of <paramref name="symbol"/>.</summary>
    public BpfLink AttachUretprobe(string binaryPath, string symbol, int? pid = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(binaryPath);
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        return ProbeLink.AttachUprobe(Fd, binaryPath, symbol, isReturn: true, pid ?? -1);
    }

    /// <summary>Attaches a <see cref="ProgramType.Kprobe"/> program to the entry of kernel function <paramref name="function"/>.</summary>
    /// <exception cref="BpfNotSupportedException">The kernel has no kprobes.</exception>
    public BpfLink AttachKprobe(string function)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        return ProbeLink.AttachKprobe(Fd, function, isReturn: false);
    }

    /// <summary>Attaches a <see cref="ProgramType.Kprobe"/> program to the return of kernel function <paramref name="function"/>.</summary>
    /// <exception cref="BpfNotSupportedException">The kernel has no kprobes.</exception>
    public BpfLink AttachKretprobe(string function)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        return ProbeLink.AttachKprobe(Fd, function, isReturn: true);
    }

    /// <summary>
    /// Attaches a <see cref="ProgramType.PerfEvent"/> program to one sampling event per CPU; the one link detaches
    /// them all. Pinning it pins the first CPU's link only.
    /// </summary>
    public BpfLink AttachPerfEvent(PerfEventSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return PerfSamplingLink.Attach(Fd, spec);
    }

    /// <summary>Attaches an fentry/fexit program (loaded from an object against its function's BTF id).</summary>
    /// <exception cref="BpfNotSupportedException">The kernel cannot build BPF trampolines.</exception>
    public BpfLink AttachTracing()
    {
        var spec = Spec ?? throw new InvalidOperationException($"{this} was loaded from raw instructions; fentry/fexit programs must come from an object.");
        string kind = spec.AttachType == AttachType.TraceFexit ? "fexit" : "fentry";
        return TracingLink.Attach(Fd, kind, spec.AttachTarget);
    }
}
