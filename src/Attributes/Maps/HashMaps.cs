using System.Collections.Generic;

namespace BpfSharp;

/// <summary>
/// The operations every hash-like map offers programs: <c>bpf_map_lookup_elem</c>, <c>bpf_map_update_elem</c>,
/// <c>bpf_map_delete_elem</c>. In a per-CPU map a program sees the current CPU's value
/// (<see cref="BpfClr.CurrentCpu"/> in the CLR).
/// </summary>
public abstract unsafe class KeyedMap<K, V> : KernelMap where K : unmanaged where V : unmanaged
{
    private readonly HashTable _table;

    private protected KeyedMap(KernelMapType type, uint maxEntries, MapFlags flags, bool perCpu, bool lru)
        : base(type, maxEntries, flags) =>
        _table = new HashTable(sizeof(V), maxEntries, perCpu, lru);

    /// <summary>The value stored under <paramref name="key"/>, or null. The pointer stays valid until the element is deleted.</summary>
    [BpfHelper(HelperId.MapLookupElem)]
    public V* Lookup(in K key) => (V*)_table.Find(NativeBytes.Of(key), BpfClr.CurrentCpu);

    /// <summary>Copies the value stored under <paramref name="key"/>; false when there is none.</summary>
    [BpfHelper(HelperId.MapLookupElem)]
    public bool TryLookup(in K key, out V value)
    {
        V* found = Lookup(key);
        value = found == null ? default : *found;
        return found != null;
    }

    /// <summary>Creates or replaces the element; 0 or a negative errno (-EEXIST, -ENOENT, -E2BIG when full).</summary>
    [BpfHelper(HelperId.MapUpdateElem)]
    public long Update(in K key, in V value, UpdateFlags flags = UpdateFlags.Any)
    {
        V copy = value;
        return _table.Update(NativeBytes.Of(key), (byte*)&copy, flags, BpfClr.CurrentCpu);
    }

    /// <summary>Removes the element; 0, or -ENOENT when there is none.</summary>
    [BpfHelper(HelperId.MapDeleteElem)]
    public long Delete(in K key) => _table.Delete(NativeBytes.Of(key));

    /// <summary>CLR only: the number of elements.</summary>
    public int Count => _table.Count;

    /// <summary>CLR only: the keys, in no particular order.</summary>
    public IEnumerable<K> Keys
    {
        get
        {
            var keys = new List<K>();
            foreach (var bytes in _table.Keys)
            {
                fixed (byte* p = bytes)
                    keys.Add(*(K*)p);
            }
            return keys;
        }
    }

    /// <summary>CLR only: every CPU's value under <paramref name="key"/> (one for a map that is not per-CPU), or null.</summary>
    public V[]? ValuesOf(in K key)
    {
        var bytes = NativeBytes.Of(key);
        if (_table.Find(bytes, 0) == null)
            return null;
        var values = new V[_table.Cpus];
        for (int cpu = 0; cpu < values.Length; cpu++)
            values[cpu] = *(V*)_table.Find(bytes, cpu);
        return values;
    }
}

/// <summary>BPF_MAP_TYPE_HASH: elements created on update, up to <see cref="KernelMap.MaxEntries"/>.</summary>
public sealed class HashMap<K, V> : KeyedMap<K, V> where K : unmanaged where V : unmanaged
{
    public HashMap(uint maxEntries, MapFlags flags = MapFlags.None) : base(KernelMapType.Hash, maxEntries, flags, perCpu: false, lru: false) { }
}

/// <summary>BPF_MAP_TYPE_PERCPU_HASH: one value per CPU under each key.</summary>
public sealed class PerCpuHashMap<K, V> : KeyedMap<K, V> where K : unmanaged where V : unmanaged
{
    public PerCpuHashMap(uint maxEntries, MapFlags flags = MapFlags.None) : base(KernelMapType.PerCpuHash, maxEntries, flags, perCpu: true, lru: false) { }
}

/// <summary>BPF_MAP_TYPE_LRU_HASH: a full map makes room by evicting the least recently used element.</summary>
public sealed class LruHashMap<K, V> : KeyedMap<K, V> where K : unmanaged where V : unmanaged
{
    public LruHashMap(uint maxEntries, MapFlags flags = MapFlags.None) : base(KernelMapType.LruHash, maxEntries, flags, perCpu: false, lru: true) { }
}

/// <summary>BPF_MAP_TYPE_LRU_PERCPU_HASH: an LRU hash with one value per CPU.</summary>
public sealed class LruPerCpuHashMap<K, V> : KeyedMap<K, V> where K : unmanaged where V : unmanaged
{
    public LruPerCpuHashMap(uint maxEntries, MapFlags flags = MapFlags.None) : base(KernelMapType.LruPerCpuHash, maxEntries, flags, perCpu: true, lru: true) { }
}
