using System.Buffers;
using System.Collections;
using System.Runtime.InteropServices;

namespace BpfSharp.Runtime;

/// <summary>
/// Per-CPU maps: each key holds one <typeparamref name="V"/> per possible CPU. Lookups return them all (index = CPU id);
/// updates write all of them. The kernel copies each CPU's value in an 8-byte aligned slot, which this class packs and unpacks.
/// </summary>
public abstract class BpfPerCpuKeyedMap<K, V> : BpfMapView, IEnumerable<KeyValuePair<K, V[]>>
    where K : unmanaged
    where V : unmanaged
{
    private bool batchUnsupported;

    protected BpfPerCpuKeyedMap(BpfMap map, params MapType[] types)
        : base(map, SizeOf<K>(), SizeOf<V>(), types)
    {
    }

    /// <summary>Possible CPUs: the length of every value array.</summary>
    public int CpuCount => PossibleCpus.Count;

    public V[] Lookup(in K key) => TryGetValue(key, out var values)
        ? values
        : throw new KeyNotFoundException($"{Name} has no key {key}.");

    public bool TryGetValue(in K key, out V[] values)
    {
        var result = new V[CpuCount];
        if (!TryGetValue(key, result))
        {
            values = [];
            return false;
        }
        values = result;
        return true;
    }

    /// <summary>
    /// Copies each CPU's value into <paramref name="values"/> (<see cref="CpuCount"/> elements) without allocating;
    /// false if the key is absent.
    /// </summary>
    public bool TryGetValue(in K key, Span<V> values)
    {
        CheckCpus(values.Length);
        // Values whose size is a multiple of 8 sit in the kernel's slots exactly as in a V[]: read in place.
        if (Map.PerCpuStride == SizeOf<V>())
            return Map.TryLookup(Bytes(key), MemoryMarshal.AsBytes(values));
        int size = Map.ValueBufferSize;
        byte[]? rented = null;
        Span<byte> buffer = size <= StackBufferLimit ? stackalloc byte[StackBufferLimit] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            if (!Map.TryLookup(Bytes(key), buffer[..size]))
                return false;
            for (int cpu = 0; cpu < values.Length; cpu++)
                values[cpu] = MemoryMarshal.Read<V>(buffer.Slice(cpu * Map.PerCpuStride));
            return true;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Sets each CPU's value; <paramref name="values"/> must have <see cref="CpuCount"/> elements.</summary>
    public void Update(in K key, ReadOnlySpan<V> values, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        CheckCpus(values.Length);
        if (Map.PerCpuStride == SizeOf<V>())
        {
            Map.Update(Bytes(key), MemoryMarshal.AsBytes(values), flags);
            return;
        }
        int size = Map.ValueBufferSize;
        byte[]? rented = null;
        Span<byte> buffer = size <= StackBufferLimit ? stackalloc byte[StackBufferLimit] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            buffer[..size].Clear();
            for (int cpu = 0; cpu < values.Length; cpu++)
                MemoryMarshal.Write(buffer.Slice(cpu * Map.PerCpuStride), in values[cpu]);
            Map.Update(Bytes(key), buffer[..size], flags);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Sets every CPU's value to <paramref name="value"/>.</summary>
    public void UpdateAll(in K key, V value, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        int count = CpuCount;
        V[]? rented = null;
        Span<V> values = count * SizeOf<V>() <= StackBufferLimit ? stackalloc V[count] : (rented = ArrayPool<V>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            values.Fill(value);
            Update(key, values, flags);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<V>.Shared.Return(rented);
        }
    }

    public bool Delete(in K key) => Map.Delete(Bytes(key));

    public IEnumerable<K> Keys
    {
        get
        {
            K key = default, next = default;
            bool first = true;
            while (Map.TryGetNextKey(first ? ReadOnlySpan<byte>.Empty : Bytes(key), WritableBytes(ref next)))
            {
                first = false;
                key = next;
                yield return key;
            }
        }
    }

    public IEnumerator<KeyValuePair<K, V[]>> GetEnumerator()
    {
        foreach (var key in Keys)
            if (TryGetValue(key, out var values))
                yield return new(key, values);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The whole map with BPF_MAP_LOOKUP_BATCH (one by one where unsupported).</summary>
    public List<KeyValuePair<K, V[]>> LookupBatch(int batchSize = 256)
    {
        var result = new List<KeyValuePair<K, V[]>>();
        if (!batchUnsupported)
        {
            try
            {
                int stride = Map.ValueBufferSize;
                BatchReader.ReadAll(Map, batchSize, delete: false, (keys, values) =>
                {
                    var k = MemoryMarshal.Cast<byte, K>(keys);
                    for (int i = 0; i < k.Length; i++)
                        result.Add(new(k[i], Unpack(values.Slice(i * stride, stride))));
                });
                return result;
            }
            catch (BpfNotSupportedException)
            {
                batchUnsupported = true;
            }
        }
        result.AddRange(this);
        return result;
    }

    /// <summary>Per-CPU buffers up to this size live on the stack; larger ones are rented and returned.</summary>
    private const int StackBufferLimit = 2048;

    private void CheckCpus(int count)
    {
        if (count != CpuCount)
            throw new ArgumentException($"{Name}: per-CPU values need {CpuCount} elements (possible CPUs), got {count}.", "values");
    }

    private V[] Unpack(ReadOnlySpan<byte> buffer)
    {
        var values = new V[CpuCount];
        for (int cpu = 0; cpu < values.Length; cpu++)
            values[cpu] = MemoryMarshal.Read<V>(buffer.Slice(cpu * Map.PerCpuStride));
        return values;
    }
}
