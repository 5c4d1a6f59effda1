using System.Buffers;

namespace BpfSharp.Runtime;

/// <summary>
/// The BPF_MAP_LOOKUP_BATCH loop: resume tokens passed from one call to the next, and buffers doubled when a hash
/// bucket does not fit (ENOSPC), until the kernel says ENOENT. Buffers are rented, so a read allocates nothing and
/// the kernel writes into memory that is likely still in cache from the last read.
/// </summary>
internal static class BatchReader
{
    public delegate void Chunk(ReadOnlySpan<byte> keys, ReadOnlySpan<byte> values);

    public static void ReadAll(BpfMap map, int batchSize, bool delete, Chunk chunk)
    {
        batchSize = Math.Max(1, batchSize);
        int tokenSize = map.BatchTokenSize;
        Span<byte> tokens = tokenSize <= 512 ? stackalloc byte[2 * tokenSize] : new byte[2 * tokenSize];
        byte[] keys = ArrayPool<byte>.Shared.Rent(batchSize * map.KeySize);
        byte[] values = ArrayPool<byte>.Shared.Rent(batchSize * map.ValueBufferSize);
        try
        {
            bool first = true;
            int startAt = 0;
            while (true)
            {
                var start = tokens.Slice(startAt, tokenSize);
                var next = tokens.Slice(tokenSize - startAt, tokenSize);
                int count;
                bool end;
                try
                {
                    count = map.LookupBatch(first ? ReadOnlySpan<byte>.Empty : start, next,
                        keys.AsSpan(0, batchSize * map.KeySize), values.AsSpan(0, batchSize * map.ValueBufferSize), out end, delete);
                }
                catch (BpfException e) when (e.Errno == Errno.ENOSPC && batchSize < 1 << 20)
                {
                    batchSize *= 2;
                    Swap(ref keys, batchSize * map.KeySize);
                    Swap(ref values, batchSize * map.ValueBufferSize);
                    continue;
                }
                chunk(keys.AsSpan(0, count * map.KeySize), values.AsSpan(0, count * map.ValueBufferSize));
                if (end)
                    return;
                startAt = tokenSize - startAt;
                first = false;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(keys);
            ArrayPool<byte>.Shared.Return(values);
        }
    }

    private static void Swap(ref byte[] rented, int size)
    {
        ArrayPool<byte>.Shared.Return(rented);
        rented = ArrayPool<byte>.Shared.Rent(size);
    }
}
