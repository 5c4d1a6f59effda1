namespace BpfSharp.Runtime;

/// <summary>A BPF_MAP_TYPE_ARRAY of <typeparamref name="V"/>: every index below MaxEntries exists (zeroed) and cannot be deleted.</summary>
public sealed class BpfArrayMap<V> : BpfKeyedMap<uint, V>
    where V : unmanaged
{
    public BpfArrayMap(BpfMap map)
        : base(map, MapType.Array)
    {
    }

    public static BpfArrayMap<V> Create(uint maxEntries, string name = "", MapFlags flags = MapFlags.None) =>
        new(BpfMap.Create(Spec<uint, V>(MapType.Array, maxEntries, name, flags)));

    public uint Length => Map.MaxEntries;

    public V this[uint index]
    {
        get => Lookup(index);
        set => Update(index, value);
    }

    /// <summary>All values in index order (one batch read where the kernel has it).</summary>
    public V[] ToArray()
    {
        var values = new V[Length];
        foreach (var (index, value) in LookupBatch(batchSize: (int)Math.Min(Length, 4096u)))
            values[index] = value;
        return values;
    }
}
