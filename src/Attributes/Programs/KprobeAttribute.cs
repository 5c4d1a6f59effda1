using System;

namespace BpfSharp;

/// <summary>
/// A kprobe (section <c>kprobe/FUNCTION</c>): runs on entry to a kernel function. The method takes
/// <see cref="PtRegs"/> and returns <c>int</c>. Kernels built without CONFIG_KPROBE_EVENTS load it but cannot attach it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class KprobeAttribute : Attribute
{
    public KprobeAttribute(string function) => Function = function;

    /// <summary>The kernel function, e.g. <c>do_sys_openat2</c>.</summary>
    public string Function { get; }
}

/// <summary>A kretprobe (section <c>kretprobe/FUNCTION</c>): runs when the kernel function returns.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class KretprobeAttribute : Attribute
{
    public KretprobeAttribute(string function) => Function = function;

    public string Function { get; }
}
