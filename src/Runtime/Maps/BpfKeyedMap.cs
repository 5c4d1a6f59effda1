using System.Collections;
using System.Runtime.InteropServices;

namespace BpfSharp.Runtime;

/// <summary>
/// Keys of <typeparamref name="K"/> to values of <typeparamref name="V"/>: what hash, LRU hash, array and LPM trie
/// maps share. Enumeration walks BPF_MAP_GET_NEXT_KEY; the batch methods use the kernel's batch commands and fall
/// back to one element at a time where a map type has none.
/// </summary>
public abstract class BpfKeyedMap<K, V> : BpfMapView, IEnumerable<KeyValuePair<K, V>>
    where K : unmanaged
    where V : unmanaged
{
    private bool batchUnsupported;

    protected BpfKeyedMap(BpfMap map, params MapType[] types)
        : base(map, SizeOf<K>(), SizeOf<V>(), types)
    {
    }

    /// <summary>The value of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The key is absent.</exception>
    public V Lookup(in K key) => TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"{Name} has no key {key}.");

    public bool TryGetValue(in K key, out V value)
    {
        value = default;
        return Map.TryLookup(Bytes(key), WritableBytes(ref value));
    }

    /// <exception cref="BpfException">EEXIST, ENOENT or E2BIG as <paramref name="flags"/> and the map's fill dictate.</exception>
    public void Update(in K key, in V value, MapUpdateFlags flags = MapUpdateFlags.Any) => Map.Update(Bytes(key), Bytes(value), flags);

    /// <summary>False if the key was absent.</summary>
    public bool Delete(in K key) => Map.Delete(Bytes(key));

    /// <summary>Every key, read lazily with BPF_MAP_GET_NEXT_KEY.</summary>
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

    /// <summary>Key/value pairs, one lookup per key; keys deleted meanwhile are skipped.</summary>
    public IEnumerator<KeyValuePair<K, V>> GetEnumerator() => new PairEnumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Reads the whole map with BPF_MAP_LOOKUP_BATCH, <paramref name="batchSize"/> elements per call (one by one where unsupported).</summary>
    public List<KeyValuePair<K, V>> LookupBatch(int batchSize = 256, bool delete = false)
    {
        // Sized for a full map up front: growing a list of 64k pairs costs as much as the syscalls.
        var result = new List<KeyValuePair<K, V>>((int)Math.Min(Map.MaxEntries, 1u << 16));
        if (!batchUnsupported)
        {
            try
            {
                BatchReader.ReadAll(Map, batchSize, delete, (keys, values) =>
                {
                    var k = MemoryMarshal.Cast<byte, K>(keys);
                    var v = MemoryMarshal.Cast<byte, V>(values);
                    for (int i = 0; i < k.Length; i++)
                        result.Add(new(k[i], v[i]));
                });
                return result;
            }
            catch (BpfNotSupportedException)
            {
                batchUnsupported = true;
            }
        }
        foreach (var pair in this)
        {
            result.Add(pair);
            if (delete)
                Delete(pair.Key);
        }
        return result;
    }

    /// <summary>
    /// Reads the map with BPF_MAP_LOOKUP_BATCH straight into <paramref name="keys"/> and <paramref name="values"/>:
    /// the kernel writes them, nothing is allocated or copied. <paramref name="batchSize"/> elements per call, until
    /// the map ends or the spans are full (or cannot take the next hash bucket whole). Returns how many were read.
    /// </summary>
    /// <exception cref="BpfNotSupportedException">The kernel has no batch lookups for this map type.</exception>
    public int LookupBatch(Span<K> keys, Span<V> values, int batchSize = 256)
    {
        if (values.Length < keys.Length)
            throw new ArgumentException($"{keys.Length} keys but room for {values.Length} values.", nameof(values));
        batchSize = Math.Max(1, batchSize);
        int tokenSize = Map.BatchTokenSize;
        Span<byte> tokens = tokenSize <= 512 ? stackalloc byte[2 * tokenSize] : new byte[2 * tokenSize];
        int total = 0, startAt = 0;
        bool first = true;
        while (total < keys.Length)
        {
            int count = Math.Min(batchSize, keys.Length - total);
            int read;
            bool end;
            try
            {
                read = Map.LookupBatch(first ? ReadOnlySpan<byte>.Empty : tokens.Slice(startAt, tokenSize), tokens.Slice(tokenSize - startAt, tokenSize),
                    MemoryMarshal.AsBytes(keys.Slice(total, count)), MemoryMarshal.AsBytes(values.Slice(total, count)), out end);
            }
            catch (BpfException e) when (e.Errno == Errno.ENOSPC)
            {
                // A hash bucket holds more elements than this call had room for.
                if (count == keys.Length - total)
                    break;
                batchSize = Math.Min(batchSize * 2, keys.Length - total);
                continue;
            }
            total += read;
            if (end)
                break;
            startAt = tokenSize - startAt;
            first = false;
        }
        return total;
    }

    /// <summary>BPF_MAP_UPDATE_BATCH of <paramref name="keys"/>[i] → <paramref name="values"/>[i]; one by one where unsupported.</summary>
    public int UpdateBatch(ReadOnlySpan<K> keys, ReadOnlySpan<V> values, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        if (keys.Length != values.Length)
            throw new ArgumentException($"{keys.Length} keys but {values.Length} values.", nameof(values));
        if (keys.IsEmpty)
            return 0;
        if (!batchUnsupported)
        {
            try
            {
                return Map.UpdateBatch(MemoryMarshal.AsBytes(keys), MemoryMarshal.AsBytes(values), flags);
            }
            catch (BpfNotSupportedException)
            {
                batchUnsupported = true;
            }
        }
        for (int i = 0; i < keys.Length; i++)
            Update(keys[i], values[i], flags);
        return keys.Length;
    }

    /// <summary>BPF_MAP_DELETE_BATCH; one by one where unsupported. Returns how many keys were deleted.</summary>
    public int DeleteBatch(ReadOnlySpan<K> keys)
    {
        if (keys.IsEmpty)
            return 0;
        if (!batchUnsupported)
        {
            try
            {
                return Map.DeleteBatch(MemoryMarshal.AsBytes(keys));
            }
            catch (BpfNotSupportedException)
            {
                batchUnsupported = true;
            }
        }
        int deleted = 0;
        foreach (var key in keys)
            if (Delete(key))
                deleted++;
        return deleted;
    }

    /// <summary>GET_NEXT_KEY then LOOKUP per step, in one state machine (no iterator nested in another).</summary>
    private sealed class PairEnumerator : IEnumerator<KeyValuePair<K, V>>
    {
        private readonly BpfKeyedMap<K, V> owner;
        private K key;
        private bool started, ended;

        public PairEnumerator(BpfKeyedMap<K, V> owner) => this.owner = owner;

        public KeyValuePair<K, V> Current { get; private set; }

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            K next = default;
            while (!ended && owner.Map.TryGetNextKey(started ? Bytes(key) : ReadOnlySpan<byte>.Empty, WritableBytes(ref next)))
            {
                started = true;
                key = next;
                if (owner.TryGetValue(key, out var value))
                {
                    Current = new(key, value);
                    return true;
                }
            }
            ended = true;
            return false;
        }

        public void Reset()
        {
            started = ended = false;
            key = default;
        }

        public void Dispose()
        {
        }
    }
}
