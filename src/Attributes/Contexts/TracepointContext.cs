using System;

namespace BpfSharp;

/// <summary>
/// The context of a tracepoint program: the event record. Every record starts with the 8-byte common header
/// (type, flags, preempt count, pid); <typeparamref name="T"/> is the caller's struct for the fields after it,
/// e.g. for <c>syscalls/sys_enter_openat</c>:
/// <code>
/// struct SysEnterOpenat { public int SyscallNr; public long Dfd; public ulong Filename; public long Flags; public ulong Mode; }
/// </code>
/// Field names match the format's after dropping underscores and case (<c>__syscall_nr</c> = <c>SyscallNr</c>).
/// </summary>
public readonly unsafe struct TracepointContext<T>
    where T : unmanaged
{
    /// <summary>Size of the common header that precedes the event's own fields.</summary>
    public const int HeaderSize = 8;

    private readonly byte* _record;

    /// <summary>A context over a caller-owned record (header included), for running a program as plain .NET.</summary>
    public TracepointContext(void* record) => _record = (byte*)record;

    /// <summary>The event's fields, after the common header.</summary>
    [ContextMember(HeaderSize)]
    public ref readonly T Fields => ref *(T*)(Record + HeaderSize);

    /// <summary>common_type: the event's id.</summary>
    [ContextMember(0)]
    public ushort CommonType => *(ushort*)Record;

    /// <summary>common_flags.</summary>
    [ContextMember(2)]
    public byte CommonFlags => Record[2];

    /// <summary>common_preempt_count.</summary>
    [ContextMember(3)]
    public byte CommonPreemptCount => Record[3];

    /// <summary>common_pid: the thread id of the task that hit the tracepoint.</summary>
    [ContextMember(4)]
    public int CommonPid => *(int*)(Record + 4);

    private byte* Record => _record != null ? _record : throw new InvalidOperationException("This context has no record.");
}
