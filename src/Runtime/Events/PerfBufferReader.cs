using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// Reads a BPF_MAP_TYPE_PERF_EVENT_ARRAY: one perf event (software, BPF output) per online CPU, put in the map's slot
/// for that CPU, each with its own mmap'ed ring (a metadata page, then 2^n data pages). bpf_perf_event_output writes
/// PERF_RECORD_SAMPLE records; when a ring is full the kernel counts the samples it could not write and reports them
/// in a PERF_RECORD_LOST record, which this reader adds to <see cref="Lost"/>.
/// </summary>
public sealed unsafe class PerfBufferReader<T> : IDisposable
    where T : unmanaged
{
    private const uint RecordLost = 2;
    private const uint RecordSample = 9;
    private const ulong SoftwareBpfOutput = 10;
    private const ulong SampleRaw = 1 << 10;
    private const ulong PerfFlagFdCloexec = 8;

    // struct perf_event_mmap_page
    private const int DataHeadOffset = 1024;
    private const int DataTailOffset = 1032;
    private const int DataOffsetOffset = 1040;
    private const int DataSizeOffset = 1048;

    private readonly BpfMap map;
    private readonly List<Ring> rings = new();
    private readonly Epoll epoll = new();
    private byte[] wrapBuffer = new byte[256];

    private sealed record Ring(int Cpu, BpfFd Event, MappedMemory Memory, ulong DataOffset, ulong DataSize);

    /// <param name="pagesPerCpu">Data pages of each CPU's ring, a power of two.</param>
    public PerfBufferReader(BpfMap map, int pagesPerCpu = 8)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.Type != MapType.PerfEventArray)
            throw new ArgumentException($"{map.Name} is a {map.Type} map, not a perf event array.", nameof(map));
        if (pagesPerCpu <= 0 || (pagesPerCpu & (pagesPerCpu - 1)) != 0)
            throw new ArgumentException($"pagesPerCpu must be a power of two, got {pagesPerCpu}.", nameof(pagesPerCpu));
        this.map = map;
        try
        {
            foreach (int cpu in PossibleCpus.Online())
            {
                if (cpu >= map.MaxEntries)
                    break;
                rings.Add(Open(cpu, pagesPerCpu));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Samples consumed so far.</summary>
    public long Consumed { get; private set; }

    /// <summary>Samples the kernel dropped because a ring was full, as reported by PERF_RECORD_LOST.</summary>
    public long Lost { get; private set; }

    private Ring Open(int cpu, int pages)
    {
        var attr = new PerfEventAttr
        {
            Type = PerfEventAttr.TypeSoftware,
            Size = PerfEventAttr.StructSize,
            Config = SoftwareBpfOutput,
            SampleType = SampleRaw,
            SamplePeriod = 1,
            WakeupEvents = 1,
        };
        long fd = Libc.Syscall(SyscallNumbers.PerfEventOpen, &attr, -1, cpu, -1, (long)PerfFlagFdCloexec);
        if (fd < 0)
            throw new BpfException("perf_event_open", Marshal.GetLastPInvokeError(), $"BPF output event on CPU {cpu}.");
        var perf = new BpfFd((int)fd);
        try
        {
            int pageSize = Environment.SystemPageSize;
            var memory = MappedMemory.Map(perf, (nuint)((pages + 1) * pageSize), writable: true, offset: 0);
            ulong dataOffset = *(ulong*)(memory.Pointer + DataOffsetOffset);
            ulong dataSize = *(ulong*)(memory.Pointer + DataSizeOffset);
            var ring = new Ring(cpu, perf, memory, dataOffset == 0 ? (ulong)pageSize : dataOffset, dataSize == 0 ? (ulong)(pages * pageSize) : dataSize);
            if (Libc.Ioctl(perf.Value, PerfEventIoctl.Enable, 0) < 0)
                throw new BpfException("ioctl(PERF_EVENT_IOC_ENABLE)", Marshal.GetLastPInvokeError());
            uint key = (uint)cpu;
            int value = perf.Value;
            map.Update(MemoryMarshal.AsBytes(new ReadOnlySpan<uint>(in key)), MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value)));
            epoll.Add(perf, (ulong)rings.Count);
            return ring;
        }
        catch
        {
            perf.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Hands every available sample to <paramref name="handler"/> (CPU, raw bytes; return false to stop) and lost
    /// counts to <paramref name="lost"/>; returns the number of samples. Does not wait.
    /// </summary>
    public int Consume(Func<int, ReadOnlySpan<byte>, bool> handler, Action<int, ulong>? lost = null)
    {
        int count = 0;
        foreach (var ring in rings)
        {
            int n = ConsumeRing(ring, handler, lost, out bool stop);
            count += n;
            if (stop)
                break;
        }
        return count;
    }

    private int ConsumeRing(Ring ring, Func<int, ReadOnlySpan<byte>, bool> handler, Action<int, ulong>? lost, out bool stop)
    {
        stop = false;
        byte* page = ring.Memory.Pointer;
        byte* data = page + ring.DataOffset;
        ulong head = Volatile.Read(ref *(ulong*)(page + DataHeadOffset));
        ulong tail = *(ulong*)(page + DataTailOffset);
        int count = 0;
        while (tail < head && !stop)
        {
            ulong at = tail % ring.DataSize;
            uint type = *(uint*)(data + at);
            ushort size = *(ushort*)(data + (at + 6) % ring.DataSize);
            ReadOnlySpan<byte> record;
            if (at + size <= ring.DataSize)
            {
                record = new ReadOnlySpan<byte>(data + at, size);
            }
            else
            {
                // The record wraps around the end of the ring: reassemble it.
                if (wrapBuffer.Length < size)
                    wrapBuffer = new byte[size];
                int first = (int)(ring.DataSize - at);
                new ReadOnlySpan<byte>(data + at, first).CopyTo(wrapBuffer);
                new ReadOnlySpan<byte>(data, size - first).CopyTo(wrapBuffer.AsSpan(first));
                record = wrapBuffer.AsSpan(0, size);
            }
            if (type == RecordSample)
            {
                uint rawSize = MemoryMarshal.Read<uint>(record[8..]);
                Consumed++;
                count++;
                stop = !handler(ring.Cpu, record.Slice(12, (int)Math.Min(rawSize, (uint)(size - 12))));
            }
            else if (type == RecordLost)
            {
                ulong dropped = MemoryMarshal.Read<ulong>(record[16..]);
                Lost += (long)dropped;
                lost?.Invoke(ring.Cpu, dropped);
            }
            tail += size;
            if (size == 0)
                break;
        }
        Volatile.Write(ref *(ulong*)(page + DataTailOffset), tail);
        return count;
    }

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> for any CPU's ring to have data, then consumes.</summary>
    public int Poll(Func<int, ReadOnlySpan<byte>, bool> handler, int timeoutMilliseconds = -1, Action<int, ulong>? lost = null)
    {
        int count = Consume(handler, lost);
        if (count > 0)
            return count;
        Span<ulong> tags = stackalloc ulong[64];
        epoll.Wait(tags, timeoutMilliseconds);
        return Consume(handler, lost);
    }

    public static T Decode(ReadOnlySpan<byte> sample) => RingBufferReader<T>.Decode(sample);

    /// <summary>Every sample as it arrives, until <paramref name="cancellationToken"/> fires; <see cref="Lost"/> counts the gaps.</summary>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var batch = new List<T>();
        while (!cancellationToken.IsCancellationRequested)
        {
            batch.Clear();
            Consume((_, sample) =>
            {
                batch.Add(Decode(sample));
                return batch.Count < 4096;
            });
            if (batch.Count == 0)
            {
                await Task.Run(() =>
                {
                    Span<ulong> tags = stackalloc ulong[64];
                    epoll.Wait(tags, 100);
                }, cancellationToken).ConfigureAwait(false);
                continue;
            }
            foreach (var item in batch)
                yield return item;
        }
    }

    public void Dispose()
    {
        foreach (var ring in rings)
        {
            uint key = (uint)ring.Cpu;
            if (!map.Fd.IsClosed)
                map.Delete(MemoryMarshal.AsBytes(new ReadOnlySpan<uint>(in key)));
            ring.Memory.Dispose();
            ring.Event.Dispose();
        }
        rings.Clear();
        epoll.Dispose();
    }
}
