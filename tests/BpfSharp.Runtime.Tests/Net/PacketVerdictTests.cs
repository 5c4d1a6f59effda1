namespace BpfSharp.Runtime.Tests.Net;

/// <summary>
/// The C# packet programs on crafted frames, twice: in the kernel through BPF_PROG_TEST_RUN and in the CLR over the
/// same bytes. Both must give the expected verdict.
/// </summary>
public sealed unsafe class PacketVerdictTests
{
    public static TheoryData<string, bool> Frames => new()
    {
        { "udp-dropped", true },
        { "udp-other", false },
        { "tcp-dropped-port", false },
        { "arp", false },
        { "runt", false },
    };

    private static byte[] Frame(string name) => name switch
    {
        "udp-dropped" => Packets.Udp(NetPrograms.DroppedPort),
        "udp-other" => Packets.Udp(53),
        "tcp-dropped-port" => Packets.Tcp(NetPrograms.DroppedPort),
        "arp" => Packets.Arp(),
        // An IPv4 frame cut short inside the UDP header: the port reads as 0.
        "runt" => Packets.Udp(NetPrograms.DroppedPort)[..36],
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Xdp_verdict_in_kernel_and_clr(string frameName, bool dropped)
    {
        var frame = Frame(frameName);
        var expected = dropped ? XdpAction.Drop : XdpAction.Pass;

        fixed (byte* p = frame)
        {
            var buffer = new XdpBuffer(p, frame.Length);
            Assert.Equal(expected, NetPrograms.XdpDropUdp(new XdpContext(&buffer)));
        }

        Kernel.Require();
        using var programs = NetPrograms.Load();
        Assert.Equal(ProgramType.Xdp, programs.XdpDropUdp.Type);
        Assert.Equal((uint)expected, programs.XdpDropUdp.TestRun(new TestRunOptions { Data = frame }).ReturnValue);
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Tc_verdict_in_kernel_and_clr(string frameName, bool dropped)
    {
        var frame = Frame(frameName);
        var expected = dropped ? TcAction.Shot : TcAction.Ok;

        fixed (byte* p = frame)
        {
            var skb = SkBuff.FromEthernet(p, frame.Length);
            Assert.Equal(expected, NetPrograms.TcDropUdp(new SkbContext(&skb)));
            Assert.Equal(expected, NetPrograms.TcEgressDropUdp(new SkbContext(&skb)));
        }

        Kernel.Require();
        using var programs = NetPrograms.Load();
        Assert.Equal(ProgramType.SchedCls, programs.TcDropUdp.Type);
        Assert.Equal(AttachType.TcxIngress, programs.TcDropUdp.Spec!.AttachType);
        Assert.Equal(AttachType.TcxEgress, programs.TcEgressDropUdp.Spec!.AttachType);
        Assert.Equal((uint)expected, programs.TcDropUdp.TestRun(new TestRunOptions { Data = frame }).ReturnValue);
        Assert.Equal((uint)expected, programs.TcEgressDropUdp.TestRun(new TestRunOptions { Data = frame }).ReturnValue);
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Socket_filter_and_cgroup_skb_see_the_packet_from_its_ip_header(string frameName, bool matches)
    {
        var frame = Frame(frameName);
        // The kernel's test run strips the Ethernet header for these program types, as a real socket or cgroup sees packets.
        int ipLength = frame.Length - Packets.EthernetLength;
        int kept = matches ? ipLength : 0;
        int allowed = matches ? 0 : 1;

        fixed (byte* p = frame)
        {
            var skb = new SkBuff(p + Packets.EthernetLength, ipLength);
            Assert.Equal(kept, NetPrograms.KeepUdpToPort(new SkbContext(&skb)));
            Assert.Equal(allowed, NetPrograms.CgroupDenyUdp(new SkbContext(&skb)));
        }

        Kernel.Require();
        using var programs = NetPrograms.Load();
        Assert.Equal((uint)kept, programs.KeepUdpToPort.TestRun(new TestRunOptions { Data = frame }).ReturnValue);
        Assert.Equal((uint)allowed, programs.CgroupDenyUdp.TestRun(new TestRunOptions { Data = frame }).ReturnValue);
    }

    [Fact]
    public void Sections_follow_libbpf()
    {
        Kernel.Require();
        using var programs = NetPrograms.Load();
        Assert.Equal("xdp", programs.XdpDropUdp.Spec!.Section);
        Assert.Equal("tcx/ingress", programs.TcDropUdp.Spec!.Section);
        Assert.Equal("tcx/egress", programs.TcEgressDropUdp.Spec!.Section);
        Assert.Equal("socket", programs.KeepUdpToPort.Spec!.Section);
        Assert.Equal("cgroup_skb/egress", programs.CgroupDenyUdp.Spec!.Section);
        Assert.Equal("cgroup/sock_create", programs.CgroupDenyUdpSockets.Spec!.Section);
        Assert.Equal(AttachType.CgroupInetSockCreate, programs.CgroupDenyUdpSockets.Spec!.AttachType);
        var error = Assert.Throws<InvalidOperationException>(() => programs.CgroupDenyUdp.Attach());
        Assert.Contains("AttachCgroup", error.Message);
        error = Assert.Throws<InvalidOperationException>(() => programs.XdpDropUdp.Attach());
        Assert.Contains("AttachXdp", error.Message);
    }
}
