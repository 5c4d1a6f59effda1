using System.Net;
using System.Net.Sockets;
using BpfSharp.Runtime.Tests.Net;
using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Samples;

/// <summary>
/// The DdosGuard sample as a user runs it: `run` in the near namespace of a veth pair, UDP bursts from the far side,
/// and `block`/`unblock`/`stats` as separate processes on the pinned maps. `ip netns exec` mounts its own /sys, so the
/// pins go in a bpffs this test mounts elsewhere (--bpffs) and unmounts afterwards.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class DdosGuardSampleTests
{
    [KernelFact]
    public void Guard_limits_a_burst_blocks_and_unblocks_a_source_from_other_processes_and_unpins_on_ctrl_c()
    {
        Kernel.Require();
        using var net = NetNamespacePair.Create();
        using var bpffs = Tools.CreateTempDirectory();
        Tools.Run("mount", "-t", "bpf", "bpf", bpffs.Path);
        try
        {
            string[] common = ["--iface", net.NearInterface, "--bpffs", bpffs.Path];
            string Command(params string[] args) => net.Near.Exec("dotnet", [Path.Combine(Repo.SampleOutput("DdosGuard"), "DdosGuard.dll"), .. args, .. common]);

            using var guard = SampleProcess.Start("DdosGuard", net.Near.Name, ["run", "--pps", "20", "--interval", "0.5", .. common]);
            guard.WaitForLine(l => l.StartsWith($"Guarding {net.NearInterface}"), TimeSpan.FromSeconds(15));

            Send(net, 100);
            string stats = Command("stats");
            var totals = Totals(stats);
            Assert.InRange(totals.Passed, 20UL, 45UL); // 20 per second, a little more if the burst straddles a second
            Assert.InRange(totals.Limited, 55UL, 80UL);
            Assert.Equal(0UL, totals.Blocked);
            Assert.Contains(stats.Split('\n'), l => l.Trim().StartsWith(net.FarAddress.ToString()));

            string far = net.FarAddress + "/32";
            Assert.Equal($"blocked {far} on {net.NearInterface}", Command("block", far).Trim());
            Thread.Sleep(1100); // a fresh window, so nothing of this burst is limited
            Send(net, 10);
            stats = Command("stats");
            Assert.Equal(10UL, Totals(stats).Blocked);
            Assert.Contains(stats.Split('\n'), l => l.Trim().StartsWith(far) && l.TrimEnd().EndsWith("10 dropped"));
            Assert.Equal($"unblocked {far} on {net.NearInterface}", Command("unblock", far).Trim());
            Assert.Equal($"{far} was not blocked on {net.NearInterface}", Command("unblock", far).Trim());

            guard.Interrupt();
            Assert.Equal(0, guard.WaitForExit(TimeSpan.FromSeconds(10)));
            Assert.Contains(guard.Lines, l => l.Contains("detached, passed "));
            Assert.False(Directory.Exists(Path.Combine(bpffs.Path, "ddosguard")), "the pins must be removed on exit");
            Assert.DoesNotContain("xdp", net.Near.Exec("ip", "link", "show", net.NearInterface));
        }
        finally
        {
            Tools.Run("umount", "-l", bpffs.Path);
        }
    }

    private sealed record Counts(ulong Passed, ulong Blocked, ulong Limited);

    private static Counts Totals(string stats)
    {
        var words = stats.Split('\n')[0].Split(' ');
        return new Counts(ulong.Parse(words[1]), ulong.Parse(words[3]), ulong.Parse(words[5]));
    }

    private static void Send(NetNamespacePair net, int datagrams) => net.Far.Run(() =>
    {
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        for (int i = 0; i < datagrams; i++)
            udp.SendTo("guard"u8, new IPEndPoint(net.NearAddress, 9));
        return 0;
    });
}
