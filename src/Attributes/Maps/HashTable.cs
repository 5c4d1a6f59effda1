using System.Collections.Generic;

namespace BpfSharp;

/// <summary>
/// The CLR twin of the kernel's hash maps: keys by bytes, each element's values (one per CPU for per-CPU maps)
/// in a native block that stays put until the element is deleted or evicted, optional LRU eviction.
/// </summary>
internal sealed unsafe class HashTable
{
    private readonly Dictionary<byte[], Element> _elements = new(KeyComparer.Instance);
    private readonly LinkedList<byte[]> _recency = new();
    private readonly int _valueSize;
    private readonly int _cpus;
    private readonly uint _maxEntries;
    private readonly bool _lru;

    public HashTable(int valueSize, uint maxEntries, bool perCpu, bool lru)
    {
        _valueSize = valueSize;
        _cpus = perCpu ? BpfClr.CpuCount : 1;
        _maxEntries = maxEntries;
        _lru = lru;
    }

    public int Count => _elements.Count;

    public IEnumerable<byte[]> Keys => _elements.Keys;

    public int Cpus => _cpus;

    private int Stride => NativeBytes.Stride(_valueSize);

    /// <summary>The element's value for <paramref name="cpu"/>, or null; a hit counts as a use for LRU.</summary>
    public byte* Find(byte[] key, int cpu)
    {
        if (!_elements.TryGetValue(key, out var element))
            return null;
        Touch(element);
        return element.Values + Stride * (_cpus == 1 ? 0 : cpu);
    }

    /// <summary>Writes <paramref name="value"/> to the CPU <paramref name="cpu"/> slot (all slots when -1).</summary>
    public long Update(byte[] key, byte* value, UpdateFlags flags, int cpu)
    {
        if ((ulong)flags > (ulong)UpdateFlags.Exist)
            return MapErrors.Invalid;
        bool exists = _elements.TryGetValue(key, out var element);
        if (exists && flags == UpdateFlags.NoExist)
            return MapErrors.Exists;
        if (!exists && flags == UpdateFlags.Exist)
            return MapErrors.NoEntry;
        if (!exists)
        {
            if (_elements.Count >= _maxEntries)
            {
                if (!_lru || _recency.Last is null)
                    return MapErrors.TooBig;
                Delete(_recency.Last.Value);
            }
            element = new Element(NativeBytes.Alloc(Stride * _cpus));
            if (_lru)
                element.Node = _recency.AddFirst(key);
            _elements.Add(key, element);
        }

        for (int c = 0; c < _cpus; c++)
        {
            if (cpu < 0 || c == cpu || _cpus == 1)
                System.Buffer.MemoryCopy(value + (cpu < 0 && _cpus > 1 ? Stride * c : 0), element!.Values + Stride * c, _valueSize, _valueSize);
        }
        Touch(element!);
        return 0;
    }

    public long Delete(byte[] key)
    {
        if (!_elements.TryGetValue(key, out var element))
            return MapErrors.NoEntry;
        _elements.Remove(key);
        if (element.Node is not null)
            _recency.Remove(element.Node);
        NativeBytes.Free(element.Values);
        return 0;
    }

    private void Touch(Element element)
    {
        if (element.Node is null || _recency.First == element.Node)
            return;
        _recency.Remove(element.Node);
        _recency.AddFirst(element.Node);
    }

    private sealed class Element
    {
        public Element(byte* values) => Values = values;

        public byte* Values { get; }

        public LinkedListNode<byte[]>? Node { get; set; }
    }
}
