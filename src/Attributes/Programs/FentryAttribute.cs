using System;

namespace BpfSharp;

/// <summary>
/// An fentry program (section <c>fentry/FUNCTION</c>): a BPF trampoline call on entry to a kernel function, found
/// by its BTF id in vmlinux. The method takes <see cref="TracingContext"/> and returns <c>int</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class FentryAttribute : Attribute
{
    public FentryAttribute(string function) => Function = function;

    public string Function { get; }
}

/// <summary>
/// An fexit program (section <c>fexit/FUNCTION</c>): runs after the kernel function returns; the arguments are
/// <c>Arg(0)</c>.. and the return value follows them (<c>Arg(argumentCount)</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class FexitAttribute : Attribute
{
    public FexitAttribute(string function) => Function = function;

    public string Function { get; }
}
