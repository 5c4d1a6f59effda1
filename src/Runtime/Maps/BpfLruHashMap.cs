namespace BpfSharp.Runtime;

/// <summary>A BPF_MAP_TYPE_LRU_HASH map: when full, an update evicts the least recently used element instead of failing.</summary>
public sealed class BpfLruHashMap<K, V> : BpfHashMap<K, V>
    where K : unmanaged
    where V : unmanaged
{
    public BpfLruHashMap(BpfMap map)
        : base(map)
    {
    }

    public static new BpfLruHashMap<K, V> Create(uint maxEntries, string name = "", MapFlags flags = MapFlags.None) =>
        new(BpfMap.Create(Spec<K, V>(MapType.LruHash, maxEntries, name, flags)));
}
