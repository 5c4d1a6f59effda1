using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BpfSharp.Runtime.Tests.Net;

namespace BpfSharp.Runtime.Tests.Samples;

/// <summary>
/// The PortFilter sample run as a user runs it, in the near namespace of a veth pair, with TCP connections from the far
/// side to the filtered port (set with --port, so the .rodata constant is what matches) and to another port.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed partial class PortFilterSampleTests
{
    private const int Port = 8080;
    private const int OtherPort = 8081;
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(15);

    [KernelFact]
    public void Xdp_drops_connections_to_the_port_passes_others_and_prints_counts_when_interrupted()
    {
        Kernel.Require();
        using var net = NetNamespacePair.Create();
        using var listeners = Listen(net, Port, OtherPort);
        using var sample = SampleProcess.Start("PortFilter", net.Near.Name, "xdp", "--iface", net.NearInterface, "--port", Port.ToString(), "--interval", "0.2");
        sample.WaitForLine(l => l.StartsWith($"Dropping TCP port {Port} on {net.NearInterface}"), Ready);

        Assert.False(Connect(net, Port), "a connection to the filtered port must not be made");
        Assert.True(Connect(net, OtherPort), "a connection to another port must be made");
        sample.WaitForLine(l => CountsIn(l) is { Dropped: > 0 }, TimeSpan.FromSeconds(5));
        sample.Interrupt();

        Assert.Equal(0, sample.WaitForExit(TimeSpan.FromSeconds(10)));
        var final = CountsIn(Assert.Single(sample.Lines, l => l.Contains("detached, ")))!;
        // At least the SYN to the port was dropped; the other connection's handshake and data passed.
        Assert.InRange(final.Dropped, 1UL, 10UL);
        Assert.True(final.Passed >= 3, $"passed {final.Passed}");
        Assert.DoesNotContain("xdp", net.Near.Exec("ip", "link", "show", net.NearInterface));
        Assert.True(Connect(net, Port), "after Ctrl-C the program must be detached");
    }

    [KernelFact]
    public void Capture_prints_only_the_ports_packets_like_tcpdump_and_stops_after_count()
    {
        Kernel.Require();
        using var net = NetNamespacePair.Create();
        using var listeners = Listen(net, Port, OtherPort);
        using var sample = SampleProcess.Start("PortFilter", net.Near.Name, "capture", "--iface", net.NearInterface, "--port", Port.ToString(), "--count", "3");
        sample.WaitForLine(l => l.StartsWith($"Capturing tcp and port {Port} on {net.NearInterface}"), Ready);

        Assert.True(Connect(net, OtherPort));
        Assert.True(Connect(net, Port));

        Assert.Equal(0, sample.WaitForExit(TimeSpan.FromSeconds(10)));
        var packets = sample.Lines.Where(l => TcpLine().IsMatch(l)).ToList();
        string far = net.FarAddress.ToString(), near = net.NearAddress.ToString();
        // The handshake, in order: SYN in, SYN-ACK out, ACK in; nothing of the other port's connection before it.
        Assert.Equal(3, packets.Count);
        Assert.Matches($@" IP {Regex.Escape(far)}\.\d+ > {Regex.Escape(near)}\.{Port}: Flags \[S\], seq \d+, win \d+, length 0$", packets[0]);
        Assert.Matches($@" IP {Regex.Escape(near)}\.{Port} > {Regex.Escape(far)}\.\d+: Flags \[S\.\],", packets[1]);
        Assert.Matches($@" IP {Regex.Escape(far)}\.\d+ > {Regex.Escape(near)}\.{Port}: Flags \[\.\],", packets[2]);
        Assert.Equal("3 packets captured", sample.Lines[^1]);
    }

    private sealed record Counts(ulong Dropped, ulong Passed);

    private static Counts? CountsIn(string line) =>
        CountsLine().Match(line) is { Success: true } m ? new Counts(ulong.Parse(m.Groups[1].Value), ulong.Parse(m.Groups[2].Value)) : null;

    [GeneratedRegex(@"dropped (\d+) passed (\d+)$")]
    private static partial Regex CountsLine();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{6} IP6? ")]
    private static partial Regex TcpLine();

    /// <summary>Listeners in the near namespace that accept and read whatever comes.</summary>
    private static Listeners Listen(NetNamespacePair net, params int[] ports) =>
        new(net.Near.Run(() => ports.Select(p =>
        {
            var listener = new TcpListener(net.NearAddress, p);
            listener.Start();
            return listener;
        }).ToList()));

    private sealed class Listeners(List<TcpListener> listeners) : IDisposable
    {
        public void Dispose() => listeners.ForEach(l => l.Stop());
    }

    /// <summary>A TCP connection from the far side that completes within a second.</summary>
    private static bool Connect(NetNamespacePair net, int port) => net.Far.Run(() =>
    {
        using var client = new TcpClient(AddressFamily.InterNetwork);
        try
        {
            return client.ConnectAsync(new IPEndPoint(net.NearAddress, port)).Wait(TimeSpan.FromSeconds(1));
        }
        catch (AggregateException)
        {
            return false;
        }
    });
}
