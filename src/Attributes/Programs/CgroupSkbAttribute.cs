using System;

namespace BpfSharp;

/// <summary>Which packets of a cgroup's sockets a cgroup skb program sees.</summary>
public enum CgroupSkbDirection
{
    Ingress,
    Egress,
}

/// <summary>
/// A cgroup skb program (section <c>cgroup_skb/ingress</c> or <c>cgroup_skb/egress</c>): runs on each IP packet
/// received or sent by a socket of the cgroup. The method takes an <see cref="SkbContext"/> whose data starts at
/// the IP header and returns 1 to allow the packet, 0 to drop it. Attach with <c>AttachCgroup(path)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class CgroupSkbAttribute : Attribute
{
    public CgroupSkbAttribute(CgroupSkbDirection direction) => Direction = direction;

    public CgroupSkbDirection Direction { get; }
}
