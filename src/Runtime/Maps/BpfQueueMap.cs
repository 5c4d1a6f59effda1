namespace BpfSharp.Runtime;

/// <summary>A BPF_MAP_TYPE_QUEUE: first in, first out.</summary>
public sealed class BpfQueueMap<V> : BpfMapView
    where V : unmanaged
{
    public BpfQueueMap(BpfMap map)
        : base(map, 0, SizeOf<V>(), MapType.Queue)
    {
    }

    public static BpfQueueMap<V> Create(uint maxEntries, string name = "", MapFlags flags = MapFlags.None) =>
        new(BpfMap.Create(new MapSpec { Name = name, Type = MapType.Queue, ValueSize = (uint)SizeOf<V>(), MaxEntries = maxEntries, Flags = flags }));

    /// <summary>Appends; with <see cref="MapUpdateFlags.Exist"/> a full queue drops its oldest value instead of failing (E2BIG).</summary>
    public void Push(in V value, MapUpdateFlags flags = MapUpdateFlags.Any) => KeylessOps.Push(Map, Bytes(value), flags);

    public bool TryPop(out V value) => KeylessOps.TryPop(Map, out value);

    public bool TryPeek(out V value) => KeylessOps.TryPeek(Map, out value);
}

/// <summary>A BPF_MAP_TYPE_STACK: last in, first out.</summary>
public sealed class BpfStackMap<V> : BpfMapView
    where V : unmanaged
{
    public BpfStackMap(BpfMap map)
        : base(map, 0, SizeOf<V>(), MapType.Stack)
    {
    }

    public static BpfStackMap<V> Create(uint maxEntries, string name = "", MapFlags flags = MapFlags.None) =>
        new(BpfMap.Create(new MapSpec { Name = name, Type = MapType.Stack, ValueSize = (uint)SizeOf<V>(), MaxEntries = maxEntries, Flags = flags }));

    public void Push(in V value, MapUpdateFlags flags = MapUpdateFlags.Any) => KeylessOps.Push(Map, Bytes(value), flags);

    public bool TryPop(out V value) => KeylessOps.TryPop(Map, out value);

    public bool TryPeek(out V value) => KeylessOps.TryPeek(Map, out value);
}

/// <summary>Queue, stack and bloom filter maps have no key: the syscalls take a null key pointer.</summary>
internal static class KeylessOps
{
    public static void Push(BpfMap map, ReadOnlySpan<byte> value, MapUpdateFlags flags) => map.Update([], value, flags);

    public static bool TryPop<V>(BpfMap map, out V value)
        where V : unmanaged
    {
        value = default;
        return map.TryLookupAndDelete([], System.Runtime.InteropServices.MemoryMarshal.AsBytes(new Span<V>(ref value)));
    }

    public static bool TryPeek<V>(BpfMap map, out V value)
        where V : unmanaged
    {
        value = default;
        return map.TryLookup([], System.Runtime.InteropServices.MemoryMarshal.AsBytes(new Span<V>(ref value)));
    }
}
