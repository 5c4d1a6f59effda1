namespace BpfSharp.Runtime;

/// <summary>
/// The BPF_MAP_LOOKUP_BATCH loop: resume tokens passed from one call to the next, and buffers doubled when a hash
/// bucket does not fit (ENOSPC), until the kernel says ENOENT.
/// </summary>
internal static class BatchReader
{
    public delegate void Chunk(ReadOnlySpan<byte> keys, ReadOnlySpan<byte> values);

    public static void ReadAll(BpfMap map, int batchSize, bool delete, Chunk chunk)
    {
        batchSize = Math.Max(1, batchSize);
        var start = new byte[map.BatchTokenSize];
        var next = new byte[map.BatchTokenSize];
        var keys = new byte[batchSize * map.KeySize];
        var values = new byte[batchSize * map.ValueBufferSize];
        bool first = true;
        while (true)
        {
            int count;
            bool end;
            try
            {
                count = map.LookupBatch(first ? ReadOnlySpan<byte>.Empty : start, next, keys, values, out end, delete);
            }
            catch (BpfException e) when (e.Errno == Errno.ENOSPC && batchSize < 1 << 20)
            {
                batchSize *= 2;
                keys = new byte[batchSize * map.KeySize];
                values = new byte[batchSize * map.ValueBufferSize];
                continue;
            }
            chunk(keys.AsSpan(0, count * map.KeySize), values.AsSpan(0, count * map.ValueBufferSize));
            if (end)
                return;
            (start, next) = (next, start);
            first = false;
        }
    }
}
