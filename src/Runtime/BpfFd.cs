using System;
using System.Runtime.InteropServices;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// Owns one kernel file descriptor (program, map, link, BTF, perf event, tracefs file) and closes it exactly once,
/// on <see cref="IDisposable.Dispose"/> or, if the owner forgot, on finalization.
/// </summary>
public sealed class BpfFd : SafeHandle
{
    public BpfFd()
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of <paramref name="fd"/>.</summary>
    public BpfFd(int fd)
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
        SetHandle(fd);
    }

    public override bool IsInvalid => (long)handle < 0;

    /// <summary>The raw descriptor. Valid only while this handle is alive; prefer <see cref="Lease"/> around syscalls.</summary>
    public int Value
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return (int)handle;
        }
    }

    /// <summary>
    /// Keeps the descriptor open for the duration of a syscall even if another thread disposes the handle,
    /// so the number cannot be reused for an unrelated file mid-call.
    /// </summary>
    internal FdLease Lease() => new(this);

    protected override bool ReleaseHandle() => Libc.Close((int)handle) == 0;

    public override string ToString() => IsClosed ? "fd(closed)" : $"fd({(int)handle})";

    internal readonly ref struct FdLease
    {
        private readonly BpfFd owner;

        public FdLease(BpfFd owner)
        {
            bool added = false;
            owner.DangerousAddRef(ref added);
            this.owner = owner;
            Value = (int)owner.handle;
        }

        public int Value { get; }

        public uint Unsigned => (uint)Value;

        public void Dispose() => owner.DangerousRelease();
    }
}
