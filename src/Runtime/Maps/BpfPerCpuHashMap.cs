namespace BpfSharp.Runtime;

/// <summary>A BPF_MAP_TYPE_PERCPU_HASH (or LRU per-CPU hash): one value per possible CPU for each key.</summary>
public class BpfPerCpuHashMap<K, V> : BpfPerCpuKeyedMap<K, V>
    where K : unmanaged
    where V : unmanaged
{
    public BpfPerCpuHashMap(BpfMap map)
        : base(map, MapType.PerCpuHash, MapType.LruPerCpuHash)
    {
    }

    public static BpfPerCpuHashMap<K, V> Create(uint maxEntries, string name = "", MapFlags flags = MapFlags.None) =>
        new(BpfMap.Create(Spec<K, V>(MapType.PerCpuHash, maxEntries, name, flags)));
}

/// <summary>A BPF_MAP_TYPE_LRU_PERCPU_HASH.</summary>
public sealed class BpfLruPerCpuHashMap<K, V> : BpfPerCpuHashMap<K, V>
    where K : unmanaged
    where V : unmanaged
{
    public BpfLruPerCpuHashMap(BpfMap map)
        : base(map)
    {
    }

    public static new BpfLruPerCpuHashMap<K, V> Create(uint maxEntries, string name = "", MapFlags flags = MapFlags.None) =>
        new(BpfMap.Create(Spec<K, V>(MapType.LruPerCpuHash, maxEntries, name, flags)));
}
