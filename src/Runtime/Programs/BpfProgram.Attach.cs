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
}
