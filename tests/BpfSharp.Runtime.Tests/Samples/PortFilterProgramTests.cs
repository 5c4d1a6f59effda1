using System.Buffers.Binary;
using BpfSharp.Samples;

namespace BpfSharp.Runtime.Tests.Samples;

/// <summary>The PortFilter sample's programs on crafted frames: in the CLR and through BPF_PROG_TEST_RUN, same verdict.</summary>
public sealed unsafe class PortFilterProgramTests
{
    public static TheoryData<string, bool> Frames => new()
    {
        { "tcp4-to-80", true },
        { "tcp4-from-80", true },
        { "tcp6-to-80", true },
        { "tcp4-to-81", false },
        { "tcp6-from-443", false },
        { "udp4-to-80", false },
        { "arp", false },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Xdp_drops_tcp_on_port_80_in_the_clr_and_in_the_kernel(string name, bool matches)
    {
        var frame = Frame(name);
        var expected = matches ? XdpAction.Drop : XdpAction.Pass;
        fixed (byte* p = frame)
        {
            var buffer = new XdpBuffer(p, frame.Length);
            Assert.Equal(expected, PortFilter.DropPort(new XdpContext(&buffer)));
        }

        Kernel.Require();
        using var filter = PortFilter.Load();
        Assert.Equal((uint)expected, filter.DropPort.TestRun(new TestRunOptions { Data = frame }).ReturnValue);
        var counts = new BpfArrayMap<ulong>(filter.Counts);
        Assert.Equal(matches ? 1UL : 0UL, counts[PortFilter.Dropped]);
        Assert.Equal(matches ? 0UL : 1UL, counts[PortFilter.Passed]);
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Socket_filter_keeps_only_tcp_on_port_80_in_the_clr(string name, bool matches)
    {
        var frame = Frame(name);
        fixed (byte* p = frame)
        {
            // A packet socket's filter sees the frame from its Ethernet header.
            var skb = new SkBuff(p, frame.Length);
            Assert.Equal(matches ? frame.Length : 0, PortFilter.KeepPort(new SkbContext(&skb)));
        }
    }

    [KernelFact]
    public void Port_set_before_load_is_the_one_the_kernel_matches()
    {
        Kernel.Require();
        using var filter = PortFilter.Load(new BpfLoadOptions
        {
            GlobalValues = new Dictionary<string, byte[]> { ["Port"] = BitConverter.GetBytes((ushort)81) },
        });
        Assert.Equal((uint)XdpAction.Drop, filter.DropPort.TestRun(new TestRunOptions { Data = Frame("tcp4-to-81") }).ReturnValue);
        Assert.Equal((uint)XdpAction.Pass, filter.DropPort.TestRun(new TestRunOptions { Data = Frame("tcp4-to-80") }).ReturnValue);
        Assert.Equal((ushort)81, filter.Object.Globals.Read<ushort>("Port"));
    }

    private static byte[] Frame(string name) => name switch
    {
        "tcp4-to-80" => Ipv4(6, 40000, 80),
        "tcp4-from-80" => Ipv4(6, 80, 40000),
        "tcp4-to-81" => Ipv4(6, 40000, 81),
        "udp4-to-80" => Ipv4(17, 40000, 80),
        "tcp6-to-80" => Ipv6(6, 40000, 80),
        "tcp6-from-443" => Ipv6(6, 443, 40000),
        "arp" => Net.Packets.Arp(),
        _ => throw new ArgumentException(name),
    };

    internal static byte[] Ipv4(byte protocol, ushort source, ushort destination)
    {
        var frame = new byte[14 + 20 + 20];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        frame[14] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), 40);
        frame[22] = 64;
        frame[23] = protocol;
        new byte[] { 10, 0, 0, 2, 10, 0, 0, 1 }.CopyTo(frame, 26);
        Ports(frame.AsSpan(34), source, destination);
        return frame;
    }

    internal static byte[] Ipv6(byte nextHeader, ushort source, ushort destination)
    {
        var frame = new byte[14 + 40 + 20];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x86DD);
        frame[14] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(18), 20);
        frame[20] = nextHeader;
        frame[21] = 64;
        frame[22] = 0xfd;
        frame[37] = 2;
        frame[38] = 0xfd;
        frame[53] = 1;
        Ports(frame.AsSpan(54), source, destination);
        return frame;
    }

    private static void Ports(Span<byte> l4, ushort source, ushort destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(l4, source);
        BinaryPrimitives.WriteUInt16BigEndian(l4[2..], destination);
        l4[12] = 0x50;
        l4[13] = 0x02;
    }
}
