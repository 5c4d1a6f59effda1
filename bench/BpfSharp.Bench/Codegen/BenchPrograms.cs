using BpfSharp.Runtime;

namespace BpfSharp.Bench.Codegen;

/// <summary>
/// One benchmark program: the C reference (bench/c/<see cref="Name"/>.c, function of the same name), the packet its
/// time is measured on, and its C# twin, a class in bench/BpfSharp.Bench/Programs whose method has the C function's
/// name (the generator builds it to bpf/<see cref="CSharpClass"/>.o).
/// </summary>
internal sealed record BenchProgram(string Name, ProgramType Type, Func<byte[]> Packet, string CSharpClass)
{
    /// <summary>Where the build wrote the twin's object (next to the assembly that compiled it).</summary>
    public string CSharpObjectPath => Path.Combine(AppContext.BaseDirectory, "bpf", CSharpClass + ".o");
}

internal static class BenchPrograms
{
    public static readonly BenchProgram[] All =
    {
        new("xdp_eth", ProgramType.Xdp, Packets.Ipv4Tcp, "XdpEth"),
        new("xdp_ipv4", ProgramType.Xdp, Packets.Ipv4Tcp, "XdpIpv4"),
        new("xdp_ipv6", ProgramType.Xdp, Packets.Ipv6Icmp, "XdpIpv6"),
        new("xdp_tcp", ProgramType.Xdp, Packets.Ipv4Tcp, "XdpTcp"),
        new("xdp_udp", ProgramType.Xdp, Packets.Ipv4Udp, "XdpUdp"),
        new("xdp_proto_count", ProgramType.Xdp, Packets.Ipv4Tcp, "XdpProtoCount"),
        new("xdp_checksum", ProgramType.Xdp, Packets.Ipv4Tcp, "XdpChecksum"),
        new("xdp_log2_hist", ProgramType.Xdp, Packets.Ipv4Tcp, "XdpLog2Hist"),
        new("xdp_ringbuf", ProgramType.Xdp, Packets.Ipv4Tcp, "XdpRingbuf"),
        new("xdp_hash_count", ProgramType.Xdp, Packets.Ipv4Tcp, "XdpHashCount"),
        new("socket_filter", ProgramType.SocketFilter, Packets.SocketIpv4Tcp, "SocketFilterWeb"),
        new("xdp_vlan", ProgramType.Xdp, Packets.VlanIpv4, "XdpVlan"),
        new("xdp_swap_mac", ProgramType.Xdp, Packets.Ipv4Tcp, "XdpSwapMac"),
    };
}
