using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

public sealed partial class BpfMap
{
    /// <summary>
    /// Bytes of the resume token of batch lookups: hash maps use a 4-byte bucket index, the generic implementation
    /// (arrays, tries) the last key.
    /// </summary>
    public int BatchTokenSize => Math.Max(KeySize, 8);

    /// <summary>
    /// BPF_MAP_LOOKUP_BATCH (or LOOKUP_AND_DELETE_BATCH): up to keys.Length / KeySize elements after
    /// <paramref name="start"/> (empty for the beginning). Returns how many were copied; <paramref name="end"/> says
    /// the map has no more.
    /// </summary>
    /// <exception cref="BpfNotSupportedException">The kernel has no batch operations for this map type.</exception>
    /// <exception cref="BpfException">ENOSPC: a hash bucket holds more elements than the buffers; retry with larger ones.</exception>
    public unsafe int LookupBatch(ReadOnlySpan<byte> start, Span<byte> next, Span<byte> keys, Span<byte> values, out bool end, bool delete = false)
    {
        int capacity = BatchCapacity(keys, values);
        if (next.Length < BatchTokenSize || (!start.IsEmpty && start.Length < BatchTokenSize))
            throw new ArgumentException($"{Name}: batch tokens must be {BatchTokenSize} bytes.", nameof(next));
        var command = delete ? BpfCommand.MapLookupAndDeleteBatch : BpfCommand.MapLookupBatch;
        using var lease = Fd.Lease();
        fixed (byte* s = start)
        fixed (byte* n = next)
        fixed (byte* k = keys)
        fixed (byte* v = values)
        {
            var attr = new MapBatchAttr
            {
                MapFd = lease.Unsigned,
                InBatch = start.IsEmpty ? 0 : (ulong)s,
                OutBatch = (ulong)n,
                Keys = (ulong)k,
                Values = (ulong)v,
                Count = (uint)capacity,
            };
            if (BpfSyscall.TryInvoke(command, ref attr, out int errno) >= 0)
            {
                end = false;
                return (int)attr.Count;
            }
            if (errno == Errno.ENOENT)
            {
                end = true;
                return (int)attr.Count;
            }
            throw BatchFailure(command, errno);
        }
    }

    /// <summary>BPF_MAP_UPDATE_BATCH: writes count = keys.Length / KeySize elements; returns how many were written.</summary>
    public unsafe int UpdateBatch(ReadOnlySpan<byte> keys, ReadOnlySpan<byte> values, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        int count = BatchCapacity(keys, values);
        using var lease = Fd.Lease();
        fixed (byte* k = keys)
        fixed (byte* v = values)
        {
            var attr = new MapBatchAttr { MapFd = lease.Unsigned, Keys = (ulong)k, Values = (ulong)v, Count = (uint)count, ElemFlags = (ulong)flags };
            if (BpfSyscall.TryInvoke(BpfCommand.MapUpdateBatch, ref attr, out int errno) < 0)
                throw BatchFailure(BpfCommand.MapUpdateBatch, errno);
            return (int)attr.Count;
        }
    }

    /// <summary>BPF_MAP_DELETE_BATCH: deletes keys.Length / KeySize keys; returns how many were deleted.</summary>
    public unsafe int DeleteBatch(ReadOnlySpan<byte> keys)
    {
        if (KeySize == 0 || keys.Length % KeySize != 0)
            throw new ArgumentException($"{Name}: keys must be whole {KeySize}-byte keys.", nameof(keys));
        using var lease = Fd.Lease();
        fixed (byte* k = keys)
        {
            var attr = new MapBatchAttr { MapFd = lease.Unsigned, Keys = (ulong)k, Count = (uint)(keys.Length / KeySize) };
            if (BpfSyscall.TryInvoke(BpfCommand.MapDeleteBatch, ref attr, out int errno) < 0)
                throw BatchFailure(BpfCommand.MapDeleteBatch, errno);
            return (int)attr.Count;
        }
    }

    private int BatchCapacity(ReadOnlySpan<byte> keys, ReadOnlySpan<byte> values)
    {
        if (KeySize == 0 || keys.Length % KeySize != 0)
            throw new ArgumentException($"{Name}: keys must be whole {KeySize}-byte keys.", nameof(keys));
        int count = keys.Length / KeySize;
        if (values.Length != count * ValueBufferSize)
            throw new ArgumentException($"{Name}: {count} keys need {count * ValueBufferSize} value bytes, got {values.Length}.", nameof(values));
        return count;
    }

    private Exception BatchFailure(BpfCommand command, int errno) =>
        Errno.IsNotSupported(errno)
            ? new BpfNotSupportedException($"{command.Name()} on {Type} maps")
            : BpfSyscall.Failure(command, errno, $"on {this}.");
}
