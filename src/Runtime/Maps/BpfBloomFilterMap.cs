namespace BpfSharp.Runtime;

/// <summary>
/// A BPF_MAP_TYPE_BLOOM_FILTER: <see cref="Contains"/> never misses a pushed value but may wrongly say yes for
/// others. Values cannot be removed.
/// </summary>
public sealed class BpfBloomFilterMap<V> : BpfMapView
    where V : unmanaged
{
    public BpfBloomFilterMap(BpfMap map)
        : base(map, 0, SizeOf<V>(), MapType.BloomFilter)
    {
    }

    /// <param name="hashCount">Hash functions per value (1..15); 0 lets the kernel pick (5).</param>
    public static BpfBloomFilterMap<V> Create(uint maxEntries, uint hashCount = 0, string name = "", MapFlags flags = MapFlags.None) =>
        new(BpfMap.Create(new MapSpec
        {
            Name = name, Type = MapType.BloomFilter, ValueSize = (uint)SizeOf<V>(), MaxEntries = maxEntries, Flags = flags, MapExtra = hashCount,
        }));

    public void Push(in V value) => KeylessOps.Push(Map, Bytes(value), MapUpdateFlags.Any);

    /// <summary>BPF_MAP_LOOKUP_ELEM with the value as input: the kernel answers found or ENOENT.</summary>
    public bool Contains(in V value)
    {
        var copy = value;
        return Map.TryLookup([], WritableBytes(ref copy));
    }
}
