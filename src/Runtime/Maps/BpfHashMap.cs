namespace BpfSharp.Runtime;

/// <summary>A BPF_MAP_TYPE_HASH (or LRU hash) map of <typeparamref name="K"/> → <typeparamref name="V"/>.</summary>
public class BpfHashMap<K, V> : BpfKeyedMap<K, V>
    where K : unmanaged
    where V : unmanaged
{
    public BpfHashMap(BpfMap map)
        : base(map, MapType.Hash, MapType.LruHash)
    {
    }

    public static BpfHashMap<K, V> Create(uint maxEntries, string name = "", MapFlags flags = MapFlags.None) =>
        new(BpfMap.Create(Spec<K, V>(MapType.Hash, maxEntries, name, flags)));
}
