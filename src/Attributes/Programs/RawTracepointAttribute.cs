using System;

namespace BpfSharp;

/// <summary>
/// A raw tracepoint program (section <c>raw_tracepoint/NAME</c>), attached with BPF_RAW_TRACEPOINT_OPEN.
/// The method takes a <see cref="RawTracepointContext"/> and returns <c>int</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class RawTracepointAttribute : Attribute
{
    public RawTracepointAttribute(string name) => Name = name;

    /// <summary>The tracepoint's name without its category, e.g. <c>sys_enter</c>.</summary>
    public string Name { get; }
}
