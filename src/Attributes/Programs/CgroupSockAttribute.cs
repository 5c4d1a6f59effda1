using System;

namespace BpfSharp;

/// <summary>The socket events a cgroup sock program can hook; each names libbpf's <c>cgroup/...</c> section.</summary>
public enum CgroupSockEvent
{
    /// <summary><c>cgroup/sock_create</c>: a socket is created.</summary>
    SockCreate,
    /// <summary><c>cgroup/sock_release</c>: a socket is released.</summary>
    SockRelease,
    /// <summary><c>cgroup/post_bind4</c>: an IPv4 socket was bound.</summary>
    PostBind4,
    /// <summary><c>cgroup/post_bind6</c>: an IPv6 socket was bound.</summary>
    PostBind6,
}

/// <summary>
/// A cgroup sock program (program type CGROUP_SOCK): runs when a socket of the cgroup is created, released or
/// bound. The method takes a <see cref="SockContext"/> and returns 1 to allow the operation, 0 to refuse it
/// (EPERM). Attach with <c>AttachCgroup(path)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class CgroupSockAttribute : Attribute
{
    public CgroupSockAttribute(CgroupSockEvent @event = CgroupSockEvent.SockCreate) => Event = @event;

    public CgroupSockEvent Event { get; }
}
