namespace BpfSharp.Runtime;

/// <summary>
/// A BPF_MAP_TYPE_LPM_TRIE: <typeparamref name="K"/> starts with the uint prefix length in bits (as the kernel's
/// <c>struct bpf_lpm_trie_key</c>) followed by the data in network byte order. Lookups return the longest matching prefix.
/// </summary>
public sealed class BpfLpmTrieMap<K, V> : BpfKeyedMap<K, V>
    where K : unmanaged
    where V : unmanaged
{
    public BpfLpmTrieMap(BpfMap map)
        : base(map, MapType.LpmTrie)
    {
    }

    /// <summary>Creates the trie; the kernel requires BPF_F_NO_PREALLOC, which is always added.</summary>
    public static BpfLpmTrieMap<K, V> Create(uint maxEntries, string name = "", MapFlags flags = MapFlags.None)
    {
        if (SizeOf<K>() <= sizeof(uint))
            throw new ArgumentException($"An LPM key is the 4-byte prefix length followed by data; {typeof(K).Name} has only {SizeOf<K>()} bytes.");
        return new(BpfMap.Create(Spec<K, V>(MapType.LpmTrie, maxEntries, name, flags | MapFlags.NoPrealloc)));
    }
}
