using System;

namespace BpfSharp.Runtime;

public sealed partial class BpfProgram
{
    /// <summary>Attaches a <see cref="ProgramType.RawTracepoint"/> program to a raw tracepoint such as <c>sys_enter</c>.</summary>
    public BpfLink AttachRawTracepoint(string tracepoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(tracepoint);
        return RawTracepointLink.Attach(Fd, tracepoint);
    }

    /// <summary>
    /// Attaches a <see cref="ProgramType.Tracepoint"/> program to a tracefs tracepoint such as
    /// <c>("syscalls", "sys_enter_openat")</c>; it fires on every CPU.
    /// </summary>
    public BpfLink AttachTracepoint(string category, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(category);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ulong id = TraceFs.GetTracepointId(category, name);
        var perfEvent = Interop.PerfEvent.OpenTracepoint(id);
        return PerfEventLink.Attach(Fd, perfEvent, $"tracepoint:{category}:{name}");
    }
}
