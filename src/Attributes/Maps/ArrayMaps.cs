namespace BpfSharp;

/// <summary>
/// The array maps: <see cref="KernelMap.MaxEntries"/> zeroed values indexed by a <c>uint</c>, allocated up front
/// and never deleted. In a per-CPU array a program sees the current CPU's value.
/// </summary>
public abstract unsafe class IndexedMap<V> : KernelMap where V : unmanaged
{
    private readonly byte* _values;
    private readonly int _cpus;

    private protected IndexedMap(KernelMapType type, uint maxEntries, MapFlags flags, bool perCpu) : base(type, maxEntries, flags)
    {
        _cpus = perCpu ? BpfClr.CpuCount : 1;
        _values = NativeBytes.Alloc(Stride * _cpus * (int)maxEntries);
    }

    private int Stride => NativeBytes.Stride(sizeof(V));

    private V* At(uint index, int cpu) => (V*)(_values + Stride * ((long)index * _cpus + (_cpus == 1 ? 0 : cpu)));

    /// <summary>The value at <paramref name="index"/>; null only when the index is out of range.</summary>
    [BpfHelper(HelperId.MapLookupElem)]
    public V* Lookup(in uint index) => index < MaxEntries ? At(index, BpfClr.CurrentCpu) : null;

    /// <summary>Copies the value at <paramref name="index"/>; false when the index is out of range.</summary>
    [BpfHelper(HelperId.MapLookupElem)]
    public bool TryLookup(in uint index, out V value)
    {
        V* found = Lookup(index);
        value = found == null ? default : *found;
        return found != null;
    }

    /// <summary>Replaces the value; -E2BIG out of range, -EEXIST with <see cref="UpdateFlags.NoExist"/> (elements always exist).</summary>
    [BpfHelper(HelperId.MapUpdateElem)]
    public long Update(in uint index, in V value, UpdateFlags flags = UpdateFlags.Any)
    {
        if ((ulong)flags > (ulong)UpdateFlags.Exist)
            return MapErrors.Invalid;
        if (index >= MaxEntries)
            return MapErrors.TooBig;
        if (flags == UpdateFlags.NoExist)
            return MapErrors.Exists;
        *At(index, BpfClr.CurrentCpu) = value;
        return 0;
    }

    /// <summary>Array elements cannot be deleted: always -EINVAL.</summary>
    [BpfHelper(HelperId.MapDeleteElem)]
    public long Delete(in uint index) => MapErrors.Invalid;

    /// <summary>CLR only: every CPU's value at <paramref name="index"/>.</summary>
    public V[] ValuesOf(uint index)
    {
        if (index >= MaxEntries)
            throw new System.ArgumentOutOfRangeException(nameof(index));
        var values = new V[_cpus];
        for (int cpu = 0; cpu < _cpus; cpu++)
            values[cpu] = *At(index, cpu);
        return values;
    }
}

/// <summary>BPF_MAP_TYPE_ARRAY.</summary>
public sealed class ArrayMap<V> : IndexedMap<V> where V : unmanaged
{
    public ArrayMap(uint maxEntries, MapFlags flags = MapFlags.None) : base(KernelMapType.Array, maxEntries, flags, perCpu: false) { }
}

/// <summary>BPF_MAP_TYPE_PERCPU_ARRAY.</summary>
public sealed class PerCpuArrayMap<V> : IndexedMap<V> where V : unmanaged
{
    public PerCpuArrayMap(uint maxEntries, MapFlags flags = MapFlags.None) : base(KernelMapType.PerCpuArray, maxEntries, flags, perCpu: true) { }
}
