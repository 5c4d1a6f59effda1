using System;

namespace BpfSharp;

/// <summary>
/// The context of cgroup sock programs, <c>struct bpf_sock</c>: the socket being created (or bound, released).
/// In the CLR it points at a caller-owned <see cref="BpfSock"/>.
/// </summary>
public readonly unsafe struct SockContext
{
    private readonly BpfSock* _sock;

    /// <summary>A context over caller-owned state, for running a program as plain .NET.</summary>
    public SockContext(BpfSock* sock) => _sock = sock;

    private BpfSock* Sock => _sock != null ? _sock : throw new InvalidOperationException("This context has no socket.");

    [ContextMember(0, Size = 4)] public uint BoundDevIf => Sock->BoundDevIf;

    /// <summary>AF_INET = 2, AF_INET6 = 10.</summary>
    [ContextMember(4, Size = 4)] public uint Family => Sock->Family;

    /// <summary>SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_RAW = 3.</summary>
    [ContextMember(8, Size = 4)] public uint Type => Sock->Type;

    /// <summary>IPPROTO_TCP = 6, IPPROTO_UDP = 17, ...</summary>
    [ContextMember(12, Size = 4)] public uint Protocol => Sock->Protocol;

    [ContextMember(16, Size = 4)] public uint Mark => Sock->Mark;

    [ContextMember(20, Size = 4)] public uint Priority => Sock->Priority;
}

/// <summary>The CLR's stand-in for the socket a cgroup sock program sees.</summary>
public struct BpfSock
{
    public uint BoundDevIf;
    public uint Family;
    public uint Type;
    public uint Protocol;
    public uint Mark;
    public uint Priority;
}
