using System;
using System.Collections.Generic;

namespace BpfSharp;

/// <summary>
/// BPF_MAP_TYPE_LPM_TRIE: longest-prefix match. <typeparamref name="K"/> is laid out like the kernel's
/// <c>struct bpf_lpm_trie_key</c>: a <c>uint</c> prefix length in bits, then the data (for IP addresses, in
/// network byte order). A lookup finds the element with the longest prefix that matches the key's data
/// within the key's prefix length. The kernel requires <see cref="MapFlags.NoPrealloc"/>, which is the default.
/// </summary>
public sealed unsafe class LpmTrieMap<K, V> : KernelMap where K : unmanaged where V : unmanaged
{
    private readonly List<(uint Prefix, byte[] Data, IntPtr Value)> _elements = new();

    public LpmTrieMap(uint maxEntries, MapFlags flags = MapFlags.NoPrealloc) : base(KernelMapType.LpmTrie, maxEntries, flags)
    {
        if (sizeof(K) <= 4)
            throw new ArgumentException($"An LPM key needs a uint prefix length and at least one byte of data; {typeof(K).Name} has {sizeof(K)} bytes.");
    }

    private static int DataBits => (sizeof(K) - 4) * 8;

    /// <summary>The value of the longest matching prefix, or null.</summary>
    [BpfHelper(HelperId.MapLookupElem)]
    public V* Lookup(in K key)
    {
        var (prefix, data) = Split(key);
        int best = -1;
        for (int i = 0; i < _elements.Count; i++)
        {
            var e = _elements[i];
            if (e.Prefix <= prefix && Matches(e.Data, data, e.Prefix) && (best < 0 || e.Prefix > _elements[best].Prefix))
                best = i;
        }
        return best < 0 ? null : (V*)_elements[best].Value;
    }

    /// <summary>Copies the value of the longest matching prefix; false when none matches.</summary>
    [BpfHelper(HelperId.MapLookupElem)]
    public bool TryLookup(in K key, out V value)
    {
        V* found = Lookup(key);
        value = found == null ? default : *found;
        return found != null;
    }

    /// <summary>Stores <paramref name="value"/> under exactly the key's prefix; -EINVAL for a prefix longer than the data.</summary>
    [BpfHelper(HelperId.MapUpdateElem)]
    public long Update(in K key, in V value, UpdateFlags flags = UpdateFlags.Any)
    {
        var (prefix, data) = Split(key);
        if (prefix > DataBits || (ulong)flags > (ulong)UpdateFlags.Exist)
            return MapErrors.Invalid;
        int index = IndexOf(prefix, data);
        if (index >= 0 && flags == UpdateFlags.NoExist)
            return MapErrors.Exists;
        if (index < 0 && flags == UpdateFlags.Exist)
            return MapErrors.NoEntry;
        if (index < 0)
        {
            if (_elements.Count >= MaxEntries)
                return MapErrors.NoSpace;
            _elements.Add((prefix, Masked(data, prefix), (IntPtr)NativeBytes.Alloc(sizeof(V))));
            index = _elements.Count - 1;
        }
        *(V*)_elements[index].Value = value;
        return 0;
    }

    /// <summary>Removes exactly the key's prefix; -ENOENT when it is not stored.</summary>
    [BpfHelper(HelperId.MapDeleteElem)]
    public long Delete(in K key)
    {
        var (prefix, data) = Split(key);
        int index = IndexOf(prefix, data);
        if (index < 0)
            return MapErrors.NoEntry;
        NativeBytes.Free((byte*)_elements[index].Value);
        _elements.RemoveAt(index);
        return 0;
    }

    /// <summary>CLR only: the number of stored prefixes.</summary>
    public int Count => _elements.Count;

    private int IndexOf(uint prefix, byte[] data)
    {
        for (int i = 0; i < _elements.Count; i++)
            if (_elements[i].Prefix == prefix && Matches(_elements[i].Data, data, prefix))
                return i;
        return -1;
    }

    private static (uint Prefix, byte[] Data) Split(in K key)
    {
        var bytes = NativeBytes.Of(key);
        uint prefix = System.BitConverter.ToUInt32(bytes, 0);
        var data = new byte[bytes.Length - 4];
        System.Array.Copy(bytes, 4, data, 0, data.Length);
        return (prefix, data);
    }

    /// <summary>Whether the first <paramref name="bits"/> bits agree, most significant bit of each byte first.</summary>
    private static bool Matches(byte[] a, byte[] b, uint bits)
    {
        for (int i = 0; i < bits; i++)
        {
            int mask = 0x80 >> (i & 7);
            if ((a[i >> 3] & mask) != (b[i >> 3] & mask))
                return false;
        }
        return true;
    }

    private static byte[] Masked(byte[] data, uint bits)
    {
        var result = new byte[data.Length];
        for (int i = 0; i < bits; i++)
            result[i >> 3] |= (byte)(data[i >> 3] & (0x80 >> (i & 7)));
        return result;
    }
}
