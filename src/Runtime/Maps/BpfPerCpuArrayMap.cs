namespace BpfSharp.Runtime;

/// <summary>A BPF_MAP_TYPE_PERCPU_ARRAY: one value per possible CPU at each index.</summary>
public sealed class BpfPerCpuArrayMap<V> : BpfPerCpuKeyedMap<uint, V>
    where V : unmanaged
{
    public BpfPerCpuArrayMap(BpfMap map)
        : base(map, MapType.PerCpuArray)
    {
    }

    public static BpfPerCpuArrayMap<V> Create(uint maxEntries, string name = "", MapFlags flags = MapFlags.None) =>
        new(BpfMap.Create(Spec<uint, V>(MapType.PerCpuArray, maxEntries, name, flags)));

    public uint Length => Map.MaxEntries;

    public V[] this[uint index] => Lookup(index);
}
