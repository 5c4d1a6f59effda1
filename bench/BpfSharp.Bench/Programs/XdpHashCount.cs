using System.Buffers.Binary;

namespace BpfSharp.Bench.Programs;

/// <summary>bench/c/xdp_hash_count.c: packets per IPv4 source address in a hash map, incremented in place or inserted.</summary>
public static unsafe partial class XdpHashCount
{
    public static readonly HashMap<uint, ulong> SrcCounts = new(4096);

    [BpfProgram, Xdp]
    public static XdpAction xdp_hash_count(XdpContext ctx)
    {
        byte* end = ctx.DataEnd;
        var eth = (EthernetHeader*)ctx.Data;
        if ((byte*)(eth + 1) > end) return XdpAction.Pass;
        if (eth->EtherType != BinaryPrimitives.ReverseEndianness(Net.Ipv4)) return XdpAction.Pass;
        var ip = (Ipv4Header*)(eth + 1);
        if ((byte*)(ip + 1) > end) return XdpAction.Pass;
        uint key = ip->Source;
        ulong* count = SrcCounts.Lookup(key);
        if (count != null)
            Bpf.AtomicAdd(count, 1);
        else
            SrcCounts.Update(key, 1, UpdateFlags.NoExist);
        return XdpAction.Pass;
    }
}
