using System.Collections.Generic;

namespace BpfSharp;

/// <summary>
/// The element containers without keys: <c>bpf_map_push_elem</c>, <c>bpf_map_pop_elem</c>, <c>bpf_map_peek_elem</c>.
/// Push with <see cref="UpdateFlags.Exist"/> on a full container drops the oldest element instead of failing.
/// </summary>
public abstract class ContainerMap<V> : KernelMap where V : unmanaged
{
    private readonly LinkedList<V> _items = new();
    private readonly bool _lifo;

    private protected ContainerMap(KernelMapType type, uint maxEntries, MapFlags flags, bool lifo) : base(type, maxEntries, flags) => _lifo = lifo;

    /// <summary>Adds <paramref name="value"/>; 0, or -E2BIG when full (unless <see cref="UpdateFlags.Exist"/>).</summary>
    [BpfHelper(HelperId.MapPushElem)]
    public long Push(in V value, UpdateFlags flags = UpdateFlags.Any)
    {
        if (flags != UpdateFlags.Any && flags != UpdateFlags.Exist)
            return MapErrors.Invalid;
        if (_items.Count >= MaxEntries)
        {
            if (flags != UpdateFlags.Exist)
                return MapErrors.TooBig;
            _items.RemoveFirst();
        }
        _items.AddLast(value);
        return 0;
    }

    /// <summary>Removes the next element (oldest for a queue, newest for a stack); -ENOENT when empty.</summary>
    [BpfHelper(HelperId.MapPopElem)]
    public long Pop(out V value)
    {
        long result = Peek(out value);
        if (result == 0)
        {
            if (_lifo) _items.RemoveLast();
            else _items.RemoveFirst();
        }
        return result;
    }

    /// <summary>Copies the next element without removing it; -ENOENT when empty.</summary>
    [BpfHelper(HelperId.MapPeekElem)]
    public long Peek(out V value)
    {
        value = default;
        if (_items.Count == 0)
            return MapErrors.NoEntry;
        value = _lifo ? _items.Last!.Value : _items.First!.Value;
        return 0;
    }

    /// <summary>CLR only: the number of elements.</summary>
    public int Count => _items.Count;
}

/// <summary>BPF_MAP_TYPE_QUEUE: first in, first out.</summary>
public sealed class QueueMap<V> : ContainerMap<V> where V : unmanaged
{
    public QueueMap(uint maxEntries, MapFlags flags = MapFlags.None) : base(KernelMapType.Queue, maxEntries, flags, lifo: false) { }
}

/// <summary>BPF_MAP_TYPE_STACK: last in, first out.</summary>
public sealed class StackMap<V> : ContainerMap<V> where V : unmanaged
{
    public StackMap(uint maxEntries, MapFlags flags = MapFlags.None) : base(KernelMapType.Stack, maxEntries, flags, lifo: true) { }
}

/// <summary>
/// BPF_MAP_TYPE_BLOOM_FILTER: a set that may answer "maybe present" for values never added but never "absent"
/// for one that was. The CLR twin is exact, which is one of the answers the kernel may give.
/// </summary>
public sealed class BloomFilterMap<V> : KernelMap where V : unmanaged
{
    private readonly HashSet<byte[]> _values = new(KeyComparer.Instance);

    /// <param name="maxEntries">The expected number of values.</param>
    /// <param name="hashes">The number of hash functions (the map's map_extra), 1 to 15; 0 lets the kernel choose 5.</param>
    public BloomFilterMap(uint maxEntries, uint hashes = 0) : base(KernelMapType.BloomFilter, maxEntries, MapFlags.None) => Hashes = hashes;

    public uint Hashes { get; }

    /// <summary>Adds <paramref name="value"/>.</summary>
    [BpfHelper(HelperId.MapPushElem)]
    public long Push(in V value, UpdateFlags flags = UpdateFlags.Any)
    {
        if (flags != UpdateFlags.Any)
            return MapErrors.Invalid;
        _values.Add(NativeBytes.Of(value));
        return 0;
    }

    /// <summary>0 when <paramref name="value"/> may have been added, -ENOENT when it certainly was not.</summary>
    [BpfHelper(HelperId.MapPeekElem)]
    public long Peek(in V value) => _values.Contains(NativeBytes.Of(value)) ? 0 : MapErrors.NoEntry;
}
