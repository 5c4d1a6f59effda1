using BpfSharp.Runtime;

namespace BpfSharp.Bench.Codegen;

/// <summary>
/// One benchmark program: the C reference (bench/c/<see cref="Name"/>.c, function of the same name), the packet it
/// is test-run on, and its C# equivalent — an object the generator built from a class in this project — or, while
/// the compiler lacks a feature, what is missing.
/// </summary>
internal sealed record BenchProgram(string Name, ProgramType Type, Func<byte[]> Packet, string? CSharpClass, string? Missing);

internal static class BenchPrograms
{
    private const string Xdp = "XdpContext with Data/DataEnd packet pointers and bounds checks (XDP program type)";
    private const string Maps = "maps (.maps section, map_lookup_elem)";

    public static readonly BenchProgram[] All =
    {
        new("xdp_eth", ProgramType.Xdp, Packets.Ipv4Tcp, null, Xdp),
        new("xdp_ipv4", ProgramType.Xdp, Packets.Ipv4Tcp, null, Xdp + ", struct pointers (IPv4 header)"),
        new("xdp_ipv6", ProgramType.Xdp, Packets.Ipv6Icmp, null, Xdp + ", struct pointers (IPv6 header)"),
        new("xdp_tcp", ProgramType.Xdp, Packets.Ipv4Tcp, null, Xdp + ", variable-offset header pointer (ihl*4), bit fields"),
        new("xdp_udp", ProgramType.Xdp, Packets.Ipv4Udp, null, Xdp + ", variable-offset header pointer"),
        new("xdp_proto_count", ProgramType.Xdp, Packets.Ipv4Tcp, null, Xdp + ", " + Maps + ": PerCpuArrayMap<Counters>"),
        new("xdp_checksum", ProgramType.Xdp, Packets.Ipv4Tcp, null, Xdp + ", ushort* loads in a bounded loop"),
        new("xdp_log2_hist", ProgramType.Xdp, Packets.Ipv4Tcp, null, Xdp + ", " + Maps + ": ArrayMap<ulong>, atomic add"),
        new("xdp_ringbuf", ProgramType.Xdp, Packets.Ipv4Tcp, null, Xdp + ", RingBuffer Reserve/Submit"),
        new("xdp_hash_count", ProgramType.Xdp, Packets.Ipv4Tcp, null, Xdp + ", " + Maps + ": HashMap<uint, ulong> lookup/update, atomic add"),
        new("socket_filter", ProgramType.SocketFilter, Packets.Ipv4Tcp, null, "socket filter program type, SkBuff context, skb_load_bytes helper with stack buffers"),
        new("xdp_vlan", ProgramType.Xdp, Packets.VlanIpv4, null, Xdp + ", pointer advanced in a bounded loop"),
        new("xdp_swap_mac", ProgramType.Xdp, Packets.Ipv4Tcp, null, Xdp + ", byte stores through packet pointers"),
    };
}
