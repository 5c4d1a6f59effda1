using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime.Tests.Net;

/// <summary>
/// A BPF_MAP_TYPE_ARRAY of ulong counters, created and read with raw syscalls. Only for these tests: the runtime's
/// map API is being built on another branch, and counting needs nothing more.
/// </summary>
internal sealed unsafe class TestArrayMap : IDisposable
{
    private TestArrayMap(BpfFd fd) => Fd = fd;

    public BpfFd Fd { get; }

    public static TestArrayMap Create(uint entries)
    {
        var attr = new MapCreateAttr { MapType = 2, KeySize = 4, ValueSize = 8, MaxEntries = entries };
        return new TestArrayMap(BpfSyscall.InvokeForFd(BpfCommand.MapCreate, ref attr));
    }

    public ulong this[uint index]
    {
        get
        {
            ulong value = 0;
            using var lease = Fd.Lease();
            var attr = new MapElemAttr { MapFd = lease.Unsigned, Key = (ulong)&index, Value = (ulong)&value };
            BpfSyscall.Invoke(BpfCommand.MapLookupElem, ref attr);
            return value;
        }
    }

    public void Dispose() => Fd.Dispose();
}
