namespace BpfSharp.Runtime.Tests.Net;

/// <summary>XDP on the near end of a veth pair, with real UDP and TCP traffic from the far namespace.</summary>
public sealed class XdpAttachTests
{
    private const int Datagrams = 4;

    [KernelFact]
    public void Csharp_program_drops_udp_to_the_port_and_passes_other_udp_and_tcp_until_detached()
    {
        Kernel.Require();
        using var net = NetNamespacePair.Create();
        using var programs = NetPrograms.Load();

        using (var link = net.Near.Run(() => programs.XdpDropUdp.AttachXdp(net.NearInterface)))
        {
            Assert.True(link.IsKernelLink);
            var attached = Traffic.Send(net, Datagrams);
            Assert.Equal(new Traffic.Result(0, Datagrams, true), attached);
        }

        Assert.Equal(new Traffic.Result(Datagrams, Datagrams, true), Traffic.Send(net, Datagrams));
    }

    [KernelFact]
    public void Counting_program_counts_dropped_and_passed_packets_in_a_map()
    {
        Kernel.Require();
        using var net = NetNamespacePair.Create();
        using var counts = TestArrayMap.Create(2);
        using var program = BpfProgram.Load(ProgramType.Xdp, CountingPrograms.Xdp(counts.Fd.Value, NetPrograms.DroppedPort), "GPL", "xdp_count");

        using (net.Near.Run(() => program.AttachXdp(net.NearIfindex)))
            Assert.Equal(new Traffic.Result(0, Datagrams, true), Traffic.Send(net, Datagrams));

        Assert.Equal((ulong)Datagrams, counts[0]);
        Assert.Equal((ulong)Datagrams, counts[1]);
    }

    [KernelFact]
    public void Netlink_fallback_attaches_and_detaches_only_its_own_program()
    {
        Kernel.Require();
        using var net = NetNamespacePair.Create();
        using var counts = TestArrayMap.Create(2);
        using var program = BpfProgram.Load(ProgramType.Xdp, CountingPrograms.Xdp(counts.Fd.Value, NetPrograms.DroppedPort), "GPL", "xdp_netlink");
        int ifindex = net.NearIfindex;

        using (var link = net.Near.Run(() => program.AttachXdpWithNetlink(ifindex, XdpFlags.SkbMode)))
        {
            Assert.False(link.IsKernelLink);
            Assert.Contains("netlink", link.Description);
            Assert.Contains("xdpgeneric", net.Near.Exec("ip", "link", "show", net.NearInterface));
            Assert.Equal(new Traffic.Result(0, Datagrams, true), Traffic.Send(net, Datagrams));
            Assert.Throws<InvalidOperationException>(() => link.Fd);
            // Disposing must happen in the namespace too: netlink requests go to the caller's namespace.
            net.Near.Run(link.Dispose);
        }

        Assert.DoesNotContain("xdp", net.Near.Exec("ip", "link", "show", net.NearInterface));
        Assert.Equal((ulong)Datagrams, counts[0]);
        Assert.Equal(new Traffic.Result(Datagrams, Datagrams, true), Traffic.Send(net, Datagrams));
    }

    [KernelFact]
    public void A_pinned_link_keeps_the_program_attached_until_the_pin_is_removed()
    {
        Kernel.Require();
        BpfFs.EnsureMounted();
        using var net = NetNamespacePair.Create();
        using var programs = NetPrograms.Load();
        string pin = $"/sys/fs/bpf/bpfsharp-xdp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var link = net.Near.Run(() => programs.XdpDropUdp.AttachXdp(net.NearInterface)))
                link.Pin(pin);

            Assert.Equal(0, Traffic.Send(net, Datagrams).DroppedPortReceived);
            BpfFs.Unpin(pin);
            Assert.Equal(Datagrams, Traffic.Send(net, Datagrams).DroppedPortReceived);
        }
        finally
        {
            File.Delete(pin);
        }
    }

    [KernelFact]
    public void Attaching_to_a_missing_interface_names_it()
    {
        Kernel.Require();
        using var programs = NetPrograms.Load();
        var error = Assert.Throws<ArgumentException>(() => programs.XdpDropUdp.AttachXdp("bpfsharp-none0"));
        Assert.Contains("bpfsharp-none0", error.Message);
        Assert.Throws<InvalidOperationException>(() => programs.TcDropUdp.AttachXdp(1));
    }
}
