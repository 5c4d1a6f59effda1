namespace BpfSharp.Samples;

/// <summary>
/// A source address as the packet carries it (network byte order in memory), IPv4 as IPv4-mapped IPv6
/// (::ffff:a.b.c.d) so one trie and one table hold both families.
/// </summary>
public struct SourceAddress
{
    public uint Word0;
    public uint Word1;
    public uint Word2;
    public uint Word3;
}

/// <summary>The blocklist's key, laid out like <c>struct bpf_lpm_trie_key</c>: prefix length in bits, then the address.</summary>
public struct SourcePrefix
{
    public uint PrefixLength;
    public SourceAddress Address;
}
