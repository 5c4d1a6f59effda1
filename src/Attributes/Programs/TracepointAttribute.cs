using System;

namespace BpfSharp;

/// <summary>
/// A tracepoint program (section <c>tracepoint/CATEGORY/NAME</c>), attached through a perf event on the tracepoint.
/// The method takes a <see cref="TracepointContext{T}"/> whose <c>T</c> declares the event's fields after the common
/// header, and returns <c>int</c>. At attach the runtime checks <c>T</c> against the kernel's
/// <c>events/CATEGORY/NAME/format</c> and names any field whose offset or size differs.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TracepointAttribute : Attribute
{
    public TracepointAttribute(string category, string name)
    {
        Category = category;
        Name = name;
    }

    /// <summary>The tracefs event directory, e.g. <c>syscalls</c> or <c>sched</c>.</summary>
    public string Category { get; }

    /// <summary>The event, e.g. <c>sys_enter_openat</c>.</summary>
    public string Name { get; }
}
