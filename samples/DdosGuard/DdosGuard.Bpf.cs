using BpfSharp;

namespace BpfSharp.Samples;

/// <summary>
/// The seeds' XDP DDoS defence: drop packets from sources in a blocklist of prefixes, and drop packets from any source
/// past <see cref="Pps"/> packets in its current second.
/// </summary>
public static unsafe partial class DdosGuard
{
    /// <summary>Packets per second one source may send; the host sets it before load (<c>--pps</c>).</summary>
    public static readonly ulong Pps = 1000;

    /// <summary>Blocked prefixes; the value counts the packets each prefix dropped.</summary>
    public static readonly LpmTrieMap<SourcePrefix, ulong> Blocklist = new(maxEntries: 1024);

    /// <summary>Per-source one-second windows (second &lt;&lt; 32 | packets); least recently seen sources make room for new ones.</summary>
    public static readonly LruHashMap<SourcePrefix, ulong> Rates = new(maxEntries: 65536);

    /// <summary>Packets passed, dropped by the blocklist, dropped by the rate limit.</summary>
    public static readonly ArrayMap<ulong> Totals = new(3);

    public const uint Passed = 0;
    public const uint Blocked = 1;
    public const uint Limited = 2;

    private const ulong Second = 1_000_000_000;

    [BpfProgram, Xdp]
    public static XdpAction Guard(XdpContext ctx)
    {
        // Helper-based reads: the address words come back in host order and are swapped to the packet's byte order,
        // which is the order the LPM trie compares in.
        SourceAddress source = default;
        ushort etherType = ctx.LoadUInt16BigEndian(12);
        if (etherType == 0x0800)
        {
            // ::ffff:a.b.c.d, the IPv4-mapped IPv6 address.
            source.Word2 = 0xffff0000;
            source.Word3 = InMemoryOrder(ctx.LoadUInt32BigEndian(26));
        }
        else if (etherType == 0x86DD)
        {
            source.Word0 = InMemoryOrder(ctx.LoadUInt32BigEndian(22));
            source.Word1 = InMemoryOrder(ctx.LoadUInt32BigEndian(26));
            source.Word2 = InMemoryOrder(ctx.LoadUInt32BigEndian(30));
            source.Word3 = InMemoryOrder(ctx.LoadUInt32BigEndian(34));
        }
        else
        {
            return Count(Passed, XdpAction.Pass);
        }

        // The whole address: the blocklist finds the longest prefix containing it, the rate table is keyed by it.
        var key = new SourcePrefix { PrefixLength = 128, Address = source };
        ulong* hits = Blocklist.Lookup(key);
        if (hits != null)
        {
            Bpf.AtomicAdd(hits, 1);
            return Count(Blocked, XdpAction.Drop);
        }

        // The window's second in the high half, packets in it in the low half.
        ulong second = Bpf.KtimeGetNs() / Second;
        ulong packets = 1;
        ulong* window = Rates.Lookup(key);
        if (window != null && *window >> 32 == second)
            packets = (*window & 0xffffffff) + 1;
        ulong updated = second << 32 | packets;
        if (window != null)
            *window = updated;
        else
            Rates.Update(key, updated);
        return packets > Pps ? Count(Limited, XdpAction.Drop) : Count(Passed, XdpAction.Pass);
    }

    private static uint InMemoryOrder(uint v) =>
        (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);

    private static XdpAction Count(uint slot, XdpAction verdict)
    {
        ulong* total = Totals.Lookup(slot);
        if (total != null)
            Bpf.AtomicAdd(total, 1);
        return verdict;
    }
}
