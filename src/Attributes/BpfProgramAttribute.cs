using System;

namespace BpfSharp;

/// <summary>
/// Marks a static method as an eBPF program. The BpfSharp generator compiles it, together with the other
/// programs of its class, into one ELF object; a program-type attribute (for example
/// <see cref="RawTracepointAttribute"/>) says where it attaches. The containing class must be
/// <c>static partial</c>: the generator adds the typed loader to it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class BpfProgramAttribute : Attribute
{
}

/// <summary>
/// The license the kernel is told for every program of the class (the object's <c>license</c> section).
/// Defaults to "GPL", which GPL-only helpers such as <see cref="Bpf.Printk(string)"/> require.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BpfLicenseAttribute : Attribute
{
    public BpfLicenseAttribute(string license) => License = license;

    public string License { get; }
}
