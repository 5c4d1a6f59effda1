namespace BpfSharp.Runtime;

/// <summary>
/// A map whose values are maps (BPF_MAP_TYPE_ARRAY_OF_MAPS, HASH_OF_MAPS). The host stores an inner map under a key
/// by its fd; programs look the key up and use what they get as a map. Every inner map must match the template the
/// outer map was created with (<see cref="MapSpec.InnerMap"/>): type, key and value sizes, flags and, except for
/// arrays, max_entries. Lookups from the host return the inner map's kernel id.
/// </summary>
public abstract class BpfMapOfMaps<K> : BpfMapView
    where K : unmanaged
{
    private protected BpfMapOfMaps(BpfMap map, MapType type)
        : base(map, SizeOf<K>(), sizeof(uint), type)
    {
    }

    /// <summary>The inner map template, when this process created the map (from an object or a spec).</summary>
    public MapSpec? InnerMapSpec => Map.Spec.InnerMap;

    /// <summary>Makes programs that look up <paramref name="key"/> see <paramref name="inner"/>.</summary>
    /// <exception cref="BpfException">EINVAL when <paramref name="inner"/> does not match the template; E2BIG past an array's end.</exception>
    public void Set(in K key, BpfMap inner, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Set(Map, Bytes(key), inner, flags);
    }

    /// <summary>Empties the slot: programs see null. False if it was empty.</summary>
    public bool Clear(in K key) => Map.Delete(Bytes(key));

    /// <summary>The kernel id of the map stored under <paramref name="key"/>, or null.</summary>
    public uint? InnerMapId(in K key)
    {
        uint id = 0;
        return Map.TryLookup(Bytes(key), WritableBytes(ref id)) ? id : null;
    }

    /// <summary>
    /// Opens the map stored under <paramref name="key"/> (by its id), or null when the slot is empty; the caller owns
    /// the returned map. Wrap it in the typed view of its kind.
    /// </summary>
    public BpfMap? OpenInnerMap(in K key) => InnerMapId(key) is { } id ? BpfMap.FromId(id) : null;

    /// <summary>A new map made from the template, ready to be <see cref="Set"/>; wrap it in the typed view of its kind.</summary>
    public BpfMap CreateInnerMap(string name = "") =>
        BpfMap.Create((InnerMapSpec ?? throw new InvalidOperationException($"{Name} was opened, not created here: its inner map template is unknown.")) with { Name = name });

    internal static void Set(BpfMap outer, ReadOnlySpan<byte> key, BpfMap inner, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        using var lease = inner.Fd.Lease();
        int fd = lease.Value;
        outer.Update(key, Bytes(fd), flags);
    }
}

/// <summary>A BPF_MAP_TYPE_ARRAY_OF_MAPS: inner maps at indices below MaxEntries; an index never set holds none.</summary>
public sealed class BpfArrayOfMaps : BpfMapOfMaps<uint>
{
    public BpfArrayOfMaps(BpfMap map)
        : base(map, MapType.ArrayOfMaps)
    {
    }

    /// <param name="innerMap">The template every inner map must match.</param>
    public static BpfArrayOfMaps Create(uint maxEntries, MapSpec innerMap, string name = "") =>
        new(BpfMap.Create(new MapSpec { Name = name, Type = MapType.ArrayOfMaps, KeySize = 4, ValueSize = 4, MaxEntries = maxEntries, InnerMap = innerMap }));
}

/// <summary>A BPF_MAP_TYPE_HASH_OF_MAPS: inner maps under keys of <typeparamref name="K"/>.</summary>
public sealed class BpfHashOfMaps<K> : BpfMapOfMaps<K>
    where K : unmanaged
{
    public BpfHashOfMaps(BpfMap map)
        : base(map, MapType.HashOfMaps)
    {
    }

    /// <param name="innerMap">The template every inner map must match.</param>
    public static BpfHashOfMaps<K> Create(uint maxEntries, MapSpec innerMap, string name = "") =>
        new(BpfMap.Create(new MapSpec { Name = name, Type = MapType.HashOfMaps, KeySize = (uint)SizeOf<K>(), ValueSize = 4, MaxEntries = maxEntries, InnerMap = innerMap }));
}
