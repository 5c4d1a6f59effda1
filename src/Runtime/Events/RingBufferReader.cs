using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BpfSharp.Runtime;

/// <summary>
/// Reads a BPF_MAP_TYPE_RINGBUF map the way the kernel lays it out: a consumer page the reader writes its position to,
/// then (read-only) a producer page and the data area, which the kernel maps twice in a row so a record that wraps is
/// still contiguous. Each record has an 8-byte header: its length with a busy bit (still being written) and a discard
/// bit (dropped by the program), and records are 8-byte aligned.
/// </summary>
/// <typeparam name="T">The record type; shorter records are zero-padded, longer ones truncated.</typeparam>
public sealed unsafe class RingBufferReader<T> : IDisposable
    where T : unmanaged
{
    private const uint BusyBit = 1u << 31;
    private const uint DiscardBit = 1u << 30;
    private const int HeaderSize = 8;

    private readonly BpfMap map;
    private readonly MappedMemory consumer;
    private readonly MappedMemory producer;
    private readonly Epoll epoll = new();
    private readonly ulong mask;
    private readonly int pageSize = Environment.SystemPageSize;

    public RingBufferReader(BpfMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.Type != MapType.RingBuffer)
            throw new ArgumentException($"{map.Name} is a {map.Type} map, not a ring buffer.", nameof(map));
        this.map = map;
        mask = map.MaxEntries - 1;
        consumer = MappedMemory.Map(map.Fd, (nuint)pageSize, writable: true, offset: 0);
        try
        {
            producer = MappedMemory.Map(map.Fd, (nuint)(pageSize + 2 * (long)map.MaxEntries), writable: false, offset: pageSize);
            epoll.Add(map.Fd, 0);
        }
        catch
        {
            consumer.Dispose();
            producer?.Dispose();
            epoll.Dispose();
            throw;
        }
    }

    /// <summary>Records consumed so far (discarded ones excluded).</summary>
    public long Consumed { get; private set; }

    /// <summary>Records the program discarded (bpf_ringbuf_discard), skipped by the reader.</summary>
    public long Discarded { get; private set; }

    /// <summary>Bytes written by the kernel and not yet consumed.</summary>
    public long Pending => (long)(Volatile.Read(ref *ProducerPosition) - Volatile.Read(ref *ConsumerPosition));

    private ulong* ConsumerPosition => (ulong*)consumer.Pointer;

    private ulong* ProducerPosition => (ulong*)producer.Pointer;

    private byte* Data => producer.Pointer + pageSize;

    /// <summary>
    /// Hands every available record to <paramref name="handler"/> (which returns false to stop early) and returns how many
    /// it saw. Does not wait; see <see cref="Poll"/>.
    /// </summary>
    public int Consume(Func<ReadOnlySpan<byte>, bool> handler)
    {
        int count = 0;
        ulong position = Volatile.Read(ref *ConsumerPosition);
        while (true)
        {
            ulong end = Volatile.Read(ref *ProducerPosition);
            if (position >= end)
                break;
            bool stop = false;
            while (position < end)
            {
                uint header = Volatile.Read(ref *(uint*)(Data + (position & mask)));
                if ((header & BusyBit) != 0)
                {
                    Volatile.Write(ref *ConsumerPosition, position);
                    return count;
                }
                uint length = header & ~(BusyBit | DiscardBit);
                ulong next = position + ((length + HeaderSize + 7) & ~7u);
                if ((header & DiscardBit) != 0)
                {
                    Discarded++;
                }
                else
                {
                    Consumed++;
                    count++;
                    if (!handler(new ReadOnlySpan<byte>(Data + (position & mask) + HeaderSize, (int)length)))
                        stop = true;
                }
                position = next;
                // Publish as we go so the kernel can reuse the space while we work.
                Volatile.Write(ref *ConsumerPosition, position);
                if (stop)
                    return count;
            }
        }
        return count;
    }

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> (-1: forever) for data, then consumes what is there.</summary>
    public int Poll(Func<ReadOnlySpan<byte>, bool> handler, int timeoutMilliseconds = -1)
    {
        int count = Consume(handler);
        if (count > 0)
            return count;
        Span<ulong> tags = stackalloc ulong[1];
        epoll.Wait(tags, timeoutMilliseconds);
        return Consume(handler);
    }

    /// <summary>Reads a record as <typeparamref name="T"/>.</summary>
    public static T Decode(ReadOnlySpan<byte> record)
    {
        if (record.Length >= sizeof(T))
            return MemoryMarshal.Read<T>(record);
        T value = default;
        record.CopyTo(MemoryMarshal.AsBytes(new Span<T>(ref value)));
        return value;
    }

    /// <summary>Every record as it arrives, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var batch = new List<T>();
        while (!cancellationToken.IsCancellationRequested)
        {
            batch.Clear();
            Consume(record =>
            {
                batch.Add(Decode(record));
                return batch.Count < 4096;
            });
            if (batch.Count == 0)
            {
                // Block on a pool thread in short slices so cancellation is noticed promptly.
                await Task.Run(() => WaitReadable(100), cancellationToken).ConfigureAwait(false);
                continue;
            }
            foreach (var item in batch)
                yield return item;
        }
    }

    private void WaitReadable(int timeoutMilliseconds)
    {
        Span<ulong> tags = stackalloc ulong[1];
        epoll.Wait(tags, timeoutMilliseconds);
    }

    public void Dispose()
    {
        producer.Dispose();
        consumer.Dispose();
        epoll.Dispose();
    }

    public override string ToString() => $"ring buffer reader over {map}";
}
