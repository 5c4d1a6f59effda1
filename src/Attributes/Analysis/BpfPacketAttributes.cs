using System;

namespace BpfSharp;

/// <summary>
/// Marks a context member that yields the first byte of the packet (<c>data</c> in the kernel's context).
/// Pointers derived from it may only be dereferenced where a comparison with the <see cref="BpfPacketEndAttribute"/>
/// member proves the access lies inside the packet; the generator reports BPF0201 otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Method, Inherited = false)]
public sealed class BpfPacketStartAttribute : Attribute
{
}

/// <summary>Marks a context member that yields the address just past the packet (<c>data_end</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Method, Inherited = false)]
public sealed class BpfPacketEndAttribute : Attribute
{
}
