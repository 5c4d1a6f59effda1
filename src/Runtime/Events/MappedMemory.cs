using System.Runtime.InteropServices;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>An mmap'ed region of a kernel object (ring buffer pages, perf ring), unmapped once on dispose or finalization.</summary>
internal sealed class MappedMemory : SafeHandle
{
    private MappedMemory(nint address, nuint length)
        : base(Libc.MapFailed, ownsHandle: true)
    {
        SetHandle(address);
        Length = length;
    }

    public nuint Length { get; }

    public override bool IsInvalid => handle == Libc.MapFailed || handle == 0;

    public unsafe byte* Pointer => (byte*)handle;

    public static MappedMemory Map(BpfFd fd, nuint length, bool writable, long offset)
    {
        using var lease = fd.Lease();
        int protection = Libc.PROT_READ | (writable ? Libc.PROT_WRITE : 0);
        nint address = Libc.Mmap(0, length, protection, Libc.MAP_SHARED, lease.Value, offset);
        if (address == Libc.MapFailed)
            throw new BpfException("mmap", Marshal.GetLastPInvokeError(), $"{length} bytes at offset {offset} of {fd}.");
        return new MappedMemory(address, length);
    }

    protected override bool ReleaseHandle() => Libc.Munmap(handle, Length) == 0;
}
