using System;

namespace BpfSharp;

/// <summary>Which way through an interface a tc or cgroup skb program sees packets.</summary>
public enum TcDirection
{
    Ingress,
    Egress,
}

/// <summary>
/// A tc classifier (program type SCHED_CLS, section <c>tcx/ingress</c> or <c>tcx/egress</c>): runs on each packet
/// in the traffic-control layer with the skb built. The method takes an <see cref="SkbContext"/> whose data starts
/// at the Ethernet header and returns <see cref="TcAction"/>. Attach with <c>AttachTc(interface, direction)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TcAttribute : Attribute
{
    public TcAttribute(TcDirection direction) => Direction = direction;

    public TcDirection Direction { get; }
}
