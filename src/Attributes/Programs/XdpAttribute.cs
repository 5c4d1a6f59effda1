using System;

namespace BpfSharp;

/// <summary>
/// An XDP program (section <c>xdp</c>, or <c>xdp.frags</c> with <see cref="Frags"/>): runs on each received packet
/// before the kernel allocates an skb. The method takes an <see cref="XdpContext"/> and returns <see cref="XdpAction"/>.
/// Attach with <c>AttachXdp(interface)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class XdpAttribute : Attribute
{
    /// <summary>Whether the program handles multi-buffer packets (jumbo frames); libbpf's <c>xdp.frags</c>.</summary>
    public bool Frags { get; set; }
}
