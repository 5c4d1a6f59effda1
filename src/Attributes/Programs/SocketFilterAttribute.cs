using System;

namespace BpfSharp;

/// <summary>
/// A socket filter (section <c>socket</c>): runs on each packet a socket receives. The method takes an
/// <see cref="SkbContext"/> and returns how many bytes of the packet to keep; 0 drops it. Attach with
/// <c>AttachSocketFilter(socket)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SocketFilterAttribute : Attribute
{
}
