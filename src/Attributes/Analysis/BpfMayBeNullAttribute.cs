using System;

namespace BpfSharp;

/// <summary>
/// Marks a pointer that may be null, the way the verifier sees a map lookup or a ring buffer reservation:
/// on a method's return value, the result must be compared with null before it is dereferenced; on a parameter,
/// the method accepts a pointer that has not been checked yet. The generator reports BPF0200 otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.ReturnValue | AttributeTargets.Parameter, Inherited = false)]
public sealed class BpfMayBeNullAttribute : Attribute
{
}
