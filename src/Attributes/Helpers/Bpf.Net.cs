namespace BpfSharp;

// Packet helpers of XDP, tc, socket filter and cgroup skb programs. The CLR implementations work on the caller's
// XdpBuffer/SkBuff the context points at, with the kernel's semantics for the bytes (not for skb internals).
public static unsafe partial class Bpf
{
    /// <summary>bpf_skb_load_bytes: copies <paramref name="length"/> packet bytes from <paramref name="offset"/>; past the end it zeroes <paramref name="to"/> and fails.</summary>
    [BpfHelper(HelperId.SkbLoadBytes)]
    public static long SkbLoadBytes(SkbContext ctx, uint offset, void* to, uint length) =>
        PacketBytes.Copy(ctx.State->Data, ctx.State->DataEnd, offset, to, length);

    /// <summary>bpf_skb_store_bytes: writes <paramref name="length"/> bytes into the packet at <paramref name="offset"/>.</summary>
    [BpfHelper(HelperId.SkbStoreBytes)]
    public static long SkbStoreBytes(SkbContext ctx, uint offset, void* from, uint length, ulong flags) =>
        PacketBytes.Store(ctx.State->Data, ctx.State->DataEnd, offset, from, length);

    /// <summary>
    /// bpf_l3_csum_replace: updates the 16-bit checksum at <paramref name="offset"/> for a field that changed from
    /// <paramref name="from"/> to <paramref name="to"/> (values as they lie in the packet); the low 4 bits of
    /// <paramref name="flags"/> give the field size, 2 or 4.
    /// </summary>
    [BpfHelper(HelperId.L3CsumReplace)]
    public static long L3CsumReplace(SkbContext ctx, uint offset, ulong from, ulong to, ulong flags) =>
        Checksum.Replace(ctx.State, offset, from, to, flags, mangledZero: false);

    /// <summary>bpf_l4_csum_replace: as <see cref="L3CsumReplace"/> for a TCP/UDP checksum; BPF_F_MARK_MANGLED_0 (0x20) keeps a zero UDP checksum zero.</summary>
    [BpfHelper(HelperId.L4CsumReplace)]
    public static long L4CsumReplace(SkbContext ctx, uint offset, ulong from, ulong to, ulong flags) =>
        Checksum.Replace(ctx.State, offset, from, to, flags, mangledZero: (flags & 0x20) != 0);

    /// <summary>bpf_redirect from a tc program: returns <see cref="TcAction.Redirect"/>, which sends the packet to <paramref name="ifindex"/> (flag BPF_F_INGRESS = 1: into its receive path).</summary>
    [BpfHelper(HelperId.Redirect)]
    public static TcAction Redirect(uint ifindex, ulong flags)
    {
        BpfClr.LastRedirect = (ifindex, flags);
        return flags > 1 ? TcAction.Shot : TcAction.Redirect;
    }

    /// <summary>bpf_redirect from an XDP program: returns <see cref="XdpAction.Redirect"/>, which sends the packet out of <paramref name="ifindex"/>.</summary>
    [BpfHelper(HelperId.Redirect)]
    public static XdpAction XdpRedirect(uint ifindex, ulong flags)
    {
        BpfClr.LastRedirect = (ifindex, flags);
        return flags != 0 ? XdpAction.Aborted : XdpAction.Redirect;
    }

    /// <summary>bpf_xdp_adjust_head: moves the packet's start by <paramref name="delta"/> bytes (negative grows it, for encapsulation).</summary>
    [BpfHelper(HelperId.XdpAdjustHead)]
    public static long XdpAdjustHead(XdpContext ctx, int delta)
    {
        var b = ctx.State;
        byte* data = b->Data + delta;
        if (data < b->Start || data + 14 > b->DataEnd)
            return -22; // -EINVAL
        b->Data = data;
        b->DataMeta = data;
        return 0;
    }

    /// <summary>bpf_xdp_adjust_tail: moves the packet's end by <paramref name="delta"/> bytes.</summary>
    [BpfHelper(HelperId.XdpAdjustTail)]
    public static long XdpAdjustTail(XdpContext ctx, int delta)
    {
        var b = ctx.State;
        byte* end = b->DataEnd + delta;
        if (end > b->Capacity || end < b->Data + 14)
            return -22;
        b->DataEnd = end;
        return 0;
    }

    /// <summary>bpf_xdp_load_bytes: copies <paramref name="length"/> packet bytes from <paramref name="offset"/>.</summary>
    [BpfHelper(HelperId.XdpLoadBytes)]
    public static long XdpLoadBytes(XdpContext ctx, uint offset, void* to, uint length) =>
        PacketBytes.Copy(ctx.State->Data, ctx.State->DataEnd, offset, to, length);

    /// <summary>bpf_xdp_store_bytes: writes <paramref name="length"/> bytes into the packet at <paramref name="offset"/>.</summary>
    [BpfHelper(HelperId.XdpStoreBytes)]
    public static long XdpStoreBytes(XdpContext ctx, uint offset, void* from, uint length) =>
        PacketBytes.Store(ctx.State->Data, ctx.State->DataEnd, offset, from, length);
}
