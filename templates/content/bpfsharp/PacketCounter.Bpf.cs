using BpfSharp;

namespace BpfSharpApp;

/// <summary>
/// An eBPF program in C#. The build compiles it to eBPF bytecode (bin/.../bpf/PacketCounter.o) and adds
/// PacketCounter.Load(), which loads it and its map into the kernel.
/// </summary>
public static unsafe partial class PacketCounter
{
    // One slot shared by every CPU: the program adds to it, Program.cs reads it.
    static readonly ArrayMap<ulong> Packets = new(maxEntries: 1);

    // Runs in the kernel on every packet the interface receives, before the network stack sees it.
    [BpfProgram, Xdp]
    public static XdpAction CountPacket(XdpContext ctx)
    {
        uint slot = 0;
        ulong* packets = Packets.Lookup(slot);
        if (packets != null)
            Bpf.AtomicAdd(packets, 1);
        return XdpAction.Pass;
    }
}
