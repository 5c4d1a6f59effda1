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
    public IEnumerator<KeyValuePair<K, V>> GetEnumerator()
    {
        foreach (var key in Keys)
            if (TryGetValue(key, out var value))
                yield return new(key, value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Reads the whole map with BPF_MAP_LOOKUP_BATCH, <paramref name="batchSize"/> elements per call (one by one where unsupported).</summary>
    public List<KeyValuePair<K, V>> LookupBatch(int batchSize = 256, bool delete = false)
    {
        var result = new List<KeyValuePair<K, V>>();
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
}
