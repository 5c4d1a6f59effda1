using System.Net;
using System.Net.Sockets;

namespace BpfSharp.Runtime.Tests.Net;

/// <summary>
/// cgroup skb and cgroup sock programs on a cgroup the test creates, observed through a child process that joins
/// it and sends from inside a fresh network namespace (so the ports used cannot clash with anything else).
/// </summary>
public sealed unsafe class CgroupAttachTests
{
    private const int Datagrams = 3;

    [KernelFact]
    public void Egress_program_drops_the_cgroups_udp_to_the_port_and_passes_the_rest()
    {
        Kernel.Require();
        using var net = NetNamespacePair.Create();
        using var cgroup = TestCgroup.Create();
        using var programs = NetPrograms.Load();
        var (dropped, other) = net.Near.Run(() => (Bound(net.NearAddress, NetPrograms.DroppedPort), Bound(net.NearAddress, Traffic.OtherPort)));
        using (dropped)
        using (other)
        {
            string script = SendScript(net, Datagrams);
            string output;
            using (var link = programs.CgroupDenyUdp.AttachCgroup(cgroup.Path))
            {
                Assert.StartsWith("cgroup:CgroupInetEgress", link.Description);
                output = cgroup.RunShell(script, TimeSpan.FromSeconds(20));
            }

            Assert.Equal(Datagrams, Traffic.Receive(other, Datagrams, TimeSpan.FromSeconds(3)));
            Assert.Equal(0, Traffic.Receive(dropped, Datagrams, TimeSpan.FromMilliseconds(300)));
            // The kernel tells a UDP sender whose packet a cgroup program dropped: EPERM.
            Assert.Contains("Operation not permitted", output);

            // Detached: the same process sends everything.
            output = cgroup.RunShell(script, TimeSpan.FromSeconds(20));
            Assert.DoesNotContain("Operation not permitted", output);
            Assert.Equal(Datagrams, Traffic.Receive(dropped, Datagrams, TimeSpan.FromSeconds(3)));
        }
    }

    [KernelFact]
    public void Sock_create_program_refuses_udp_sockets_only_inside_the_cgroup()
    {
        Kernel.Require();
        using var ns = NetNamespace.Create($"bpfsharp-{Environment.ProcessId}-sock-{Guid.NewGuid().ToString("N")[..6]}");
        using var cgroup = TestCgroup.Create();
        using var programs = NetPrograms.Load();
        string script = $"exec ip netns exec {ns.Name} bash -c 'echo x > /dev/udp/127.0.0.1/9; echo udp=$?'";

        using (programs.CgroupDenyUdpSockets.AttachCgroup(cgroup.Path))
        {
            string refused = cgroup.RunShell(script, TimeSpan.FromSeconds(20));
            Assert.Contains("udp=1", refused);
            Assert.Contains("Operation not permitted", refused);
            // This process is not in the cgroup.
            using var outside = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        }

        Assert.Contains("udp=0", cgroup.RunShell(script, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Sock_create_program_runs_in_the_clr()
    {
        var udp = new BpfSock { Family = 2, Type = 2, Protocol = 17 };
        var tcp = new BpfSock { Family = 2, Type = 1, Protocol = 6 };
        Assert.Equal(0, NetPrograms.CgroupDenyUdpSockets(new SockContext(&udp)));
        Assert.Equal(1, NetPrograms.CgroupDenyUdpSockets(new SockContext(&tcp)));
    }

    [KernelFact]
    public void Attaching_to_a_missing_cgroup_names_the_path()
    {
        Kernel.Require();
        using var programs = NetPrograms.Load();
        var error = Assert.Throws<BpfException>(() => programs.CgroupDenyUdp.AttachCgroup("/sys/fs/cgroup/unified/bpfsharp-no-such-cgroup"));
        Assert.Contains("bpfsharp-no-such-cgroup", error.Message);
    }

    private static string SendScript(NetNamespacePair net, int datagrams) =>
        $"exec ip netns exec {net.Near.Name} bash -c 'for i in $(seq {datagrams}); do " +
        $"echo drop > /dev/udp/{net.NearAddress}/{NetPrograms.DroppedPort}; echo pass > /dev/udp/{net.NearAddress}/{Traffic.OtherPort}; done'";

    private static Socket Bound(IPAddress address, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, port));
        return socket;
    }
}
