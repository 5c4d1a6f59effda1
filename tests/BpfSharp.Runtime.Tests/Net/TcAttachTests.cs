namespace BpfSharp.Runtime.Tests.Net;

/// <summary>tc programs through tcx links on the veth pair, with real traffic.</summary>
public sealed class TcAttachTests
{
    private const int Datagrams = 4;

    [KernelFact]
    public void Ingress_program_drops_udp_to_the_port_and_passes_the_rest_until_detached()
    {
        Kernel.Require();
        using var net = NetNamespacePair.Create();
        using var programs = NetPrograms.Load();

        using (var link = net.Near.Run(() => programs.TcDropUdp.AttachTc(net.NearInterface, TcDirection.Ingress)))
        {
            Assert.True(link.IsKernelLink);
            Assert.StartsWith("tcx/ingress", link.Description);
            Assert.Equal(new Traffic.Result(0, Datagrams, true), Traffic.Send(net, Datagrams));
        }

        Assert.Equal(new Traffic.Result(Datagrams, Datagrams, true), Traffic.Send(net, Datagrams));
    }

    [KernelFact]
    public void Egress_program_on_the_far_side_keeps_the_datagrams_from_leaving()
    {
        Kernel.Require();
        using var net = NetNamespacePair.Create();
        using var programs = NetPrograms.Load();

        using (net.Far.Run(() => programs.TcEgressDropUdp.AttachTc(net.FarInterface, TcDirection.Egress)))
            Assert.Equal(new Traffic.Result(0, Datagrams, true), Traffic.Send(net, Datagrams));
    }

    [KernelFact]
    public void Counting_program_counts_in_a_map()
    {
        Kernel.Require();
        using var net = NetNamespacePair.Create();
        using var counts = TestArrayMap.Create(2);
        using var program = BpfProgram.Load(ProgramType.SchedCls, CountingPrograms.Tc(counts.Fd.Value, NetPrograms.DroppedPort), "GPL", "tc_count");

        using (net.Near.Run(() => program.AttachTc(net.NearIfindex, TcDirection.Ingress)))
            Assert.Equal(new Traffic.Result(0, Datagrams, true), Traffic.Send(net, Datagrams));

        Assert.Equal((ulong)Datagrams, counts[0]);
        Assert.Equal((ulong)Datagrams, counts[1]);
    }

    [KernelFact]
    public void Tcx_is_probed_as_present_on_this_kernel()
    {
        Kernel.Require();
        // tcx arrived in Linux 6.6; the probe must agree with the version rather than guess.
        Assert.Equal(KernelVersion.Current >= new KernelVersion(6, 6, 0), TcxLink.Supported);
    }
}
