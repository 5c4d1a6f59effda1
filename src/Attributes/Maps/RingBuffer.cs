using System;
using System.Collections.Generic;

namespace BpfSharp;

/// <summary>Wake-up control for ring buffer submits and outputs (<c>BPF_RB_*</c>).</summary>
[Flags]
public enum RingBufferFlags : ulong
{
    None = 0,
    NoWakeup = 1,
    ForceWakeup = 2,
}

/// <summary>
/// BPF_MAP_TYPE_RINGBUF: a multi-producer, single-consumer buffer of <see cref="KernelMap.MaxEntries"/> bytes
/// (a power of two, a multiple of the page size) shared with the host. In the CLR the submitted records are
/// kept in order in <see cref="Records"/>.
/// </summary>
public sealed unsafe class RingBuffer : KernelMap
{
    private const int HeaderSize = 8;
    private readonly Dictionary<IntPtr, int> _reserved = new();
    private readonly Queue<byte[]> _records = new();
    private long _used;

    public RingBuffer(uint size) : base(KernelMapType.RingBuffer, size, MapFlags.None) { }

    /// <summary>Room for one <typeparamref name="T"/>, or null when the buffer is full. Submit or discard it before returning.</summary>
    [BpfHelper(HelperId.RingbufReserve)]
    public T* Reserve<T>() where T : unmanaged
    {
        int size = sizeof(T);
        if (!Take(size))
            return null;
        byte* p = NativeBytes.Alloc(size);
        _reserved.Add((IntPtr)p, size);
        return (T*)p;
    }

    /// <summary>Publishes a reserved record.</summary>
    [BpfHelper(HelperId.RingbufSubmit)]
    public void Submit<T>(T* data, RingBufferFlags flags = RingBufferFlags.None) where T : unmanaged
    {
        int size = Release(data);
        var bytes = new byte[size];
        System.Runtime.InteropServices.Marshal.Copy((IntPtr)data, bytes, 0, size);
        _records.Enqueue(bytes);
        NativeBytes.Free((byte*)data);
    }

    /// <summary>Drops a reserved record.</summary>
    [BpfHelper(HelperId.RingbufDiscard)]
    public void Discard<T>(T* data, RingBufferFlags flags = RingBufferFlags.None) where T : unmanaged
    {
        _used -= Footprint(Release(data));
        NativeBytes.Free((byte*)data);
    }

    /// <summary>Copies <paramref name="data"/> in as one record; 0, or -EAGAIN when the buffer is full.</summary>
    [BpfHelper(HelperId.RingbufOutput)]
    public long Output<T>(in T data, RingBufferFlags flags = RingBufferFlags.None) where T : unmanaged
    {
        if (!Take(sizeof(T)))
            return -11;
        _records.Enqueue(NativeBytes.Of(data));
        return 0;
    }

    /// <summary>CLR only: submitted records not yet read, oldest first.</summary>
    public IReadOnlyCollection<byte[]> Records => _records;

    /// <summary>CLR only: reads the oldest submitted record as a <typeparamref name="T"/>, freeing its space.</summary>
    public bool TryRead<T>(out T record) where T : unmanaged
    {
        record = default;
        if (_records.Count == 0)
            return false;
        var bytes = _records.Dequeue();
        _used -= Footprint(bytes.Length);
        T copy = default;
        fixed (byte* p = bytes)
            Buffer.MemoryCopy(p, &copy, sizeof(T), Math.Min(bytes.Length, sizeof(T)));
        record = copy;
        return true;
    }

    private static long Footprint(int size) => HeaderSize + ((size + 7) & ~7);

    private bool Take(int size)
    {
        if (_used + Footprint(size) > MaxEntries)
            return false;
        _used += Footprint(size);
        return true;
    }

    private int Release(void* data)
    {
        if (!_reserved.TryGetValue((IntPtr)data, out int size))
            throw new InvalidOperationException("The record was not reserved from this ring buffer, or was already submitted or discarded.");
        _reserved.Remove((IntPtr)data);
        return size;
    }
}
