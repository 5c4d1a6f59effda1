using System.Collections.Generic;

namespace BpfSharp;

/// <summary>
/// A map whose values are maps of one kind, <typeparamref name="TInner"/>: a program looks a key up and uses the
/// map it gets like a declared one (<c>inner.Lookup(k)</c>, <c>inner.Update(k, v)</c>) after checking it for null.
/// The declaration gives the inner map template: its kind is <typeparamref name="TInner"/> (with the key and value
/// types), its size <c>innerMaxEntries</c> and its flags <c>innerFlags</c>. Programs cannot store maps; the host does
/// (<c>BpfArrayOfMaps.Set</c>), and in the CLR <see cref="Set"/> does.
/// </summary>
public abstract class MapOfMaps<K, TInner> : KernelMap where K : unmanaged where TInner : KernelMap
{
    private readonly Dictionary<byte[], TInner> _inner = new(KeyComparer.Instance);

    private protected MapOfMaps(KernelMapType type, uint maxEntries, uint innerMaxEntries, MapFlags flags, MapFlags innerFlags)
        : base(type, maxEntries, flags)
    {
        InnerMaxEntries = innerMaxEntries;
        InnerFlags = innerFlags;
    }

    /// <summary>The template's max_entries.</summary>
    public uint InnerMaxEntries { get; }

    /// <summary>The template's flags.</summary>
    public MapFlags InnerFlags { get; }

    /// <summary>The map stored under <paramref name="key"/>, or null.</summary>
    [BpfHelper(HelperId.MapLookupElem)]
    [return: BpfMayBeNull]
    public TInner? Lookup(in K key) => _inner.TryGetValue(NativeBytes.Of(key), out var map) ? map : null;

    /// <summary>
    /// CLR only (the host's part in the kernel): stores <paramref name="inner"/> under <paramref name="key"/>; 0, -EINVAL
    /// when it does not match the template as the kernel checks it (flags, and an array's max_entries unless
    /// <see cref="MapFlags.InnerMap"/>), -E2BIG past an array's end or in a full hash.
    /// </summary>
    public long Set(in K key, TInner inner)
    {
        bool array = inner.Type is KernelMapType.Array or KernelMapType.PerCpuArray;
        if (inner.Flags != InnerFlags || (array && (InnerFlags & MapFlags.InnerMap) == 0 && inner.MaxEntries != InnerMaxEntries))
            return MapErrors.Invalid;
        var bytes = NativeBytes.Of(key);
        if (!_inner.ContainsKey(bytes) && (IsFull(bytes) || _inner.Count >= MaxEntries))
            return MapErrors.TooBig;
        _inner[bytes] = inner;
        return 0;
    }

    /// <summary>CLR only: empties the slot; 0, or -ENOENT when it held no map.</summary>
    public long Clear(in K key) => _inner.Remove(NativeBytes.Of(key)) ? 0 : MapErrors.NoEntry;

    private protected virtual bool IsFull(byte[] key) => false;
}

/// <summary>BPF_MAP_TYPE_ARRAY_OF_MAPS: inner maps at indices below <see cref="KernelMap.MaxEntries"/>.</summary>
public sealed class ArrayOfMaps<TInner> : MapOfMaps<uint, TInner> where TInner : KernelMap
{
    public ArrayOfMaps(uint maxEntries, uint innerMaxEntries, MapFlags flags = MapFlags.None, MapFlags innerFlags = MapFlags.None)
        : base(KernelMapType.ArrayOfMaps, maxEntries, innerMaxEntries, flags, innerFlags) { }

    private protected override bool IsFull(byte[] key) => System.BitConverter.ToUInt32(key, 0) >= MaxEntries;
}

/// <summary>BPF_MAP_TYPE_HASH_OF_MAPS: inner maps under keys of <typeparamref name="K"/>.</summary>
public sealed class HashOfMaps<K, TInner> : MapOfMaps<K, TInner> where K : unmanaged where TInner : KernelMap
{
    public HashOfMaps(uint maxEntries, uint innerMaxEntries, MapFlags flags = MapFlags.None, MapFlags innerFlags = MapFlags.None)
        : base(KernelMapType.HashOfMaps, maxEntries, innerMaxEntries, flags, innerFlags) { }
}
