// Support declarations compiled with every corpus program: stand-ins, in the library's namespace, for the
// packet contexts and maps that other parts of BpfSharp provide, marked with the attributes the analyses read.
namespace BpfSharp.Testing;

public unsafe struct TestPacket
{
    [BpfPacketStart] public byte* Data;
    [BpfPacketEnd] public byte* DataEnd;
}

public static unsafe class TestMap
{
    [return: BpfMayBeNull]
    public static ulong* Lookup(uint key) => null;

    [return: BpfMayBeNull]
    public static Event* Reserve() => null;

    public static void Submit(Event* e) { }
}

public struct Event
{
    public uint Pid;
    public ulong Time;
}

[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 1)]
public struct EthHdr
{
    public unsafe fixed byte Destination[6];
    public unsafe fixed byte Source[6];
    public ushort Proto;
}

[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 1)]
public struct Ip4Hdr
{
    public byte VerIhl;
    public byte Tos;
    public ushort Len;
    public ushort Id;
    public ushort Frag;
    public byte Ttl;
    public byte Proto;
    public ushort Check;
    public uint Saddr;
    public uint Daddr;
}

public struct UdpHdr
{
    public ushort Source;
    public ushort Dest;
    public ushort Len;
    public ushort Check;
}

public struct VlanHdr
{
    public ushort Tci;
    public ushort Proto;
}

public static class TestHelpers
{
    [BpfHelper((HelperId)44)]
    public static long XdpAdjustHead(RawTracepointContext ctx, int delta) => 0;

    [BpfHelper((HelperId)26)]
    public static long SkbLoadBytes(RawTracepointContext ctx, uint offset, ulong to, uint length) => 0;

    [BpfHelper(HelperId.ProbeRead)]
    public static long ProbeRead(ulong dst, uint size, ulong src) => 0;
}
