using System.Buffers.Binary;
using System.Net.Sockets;

namespace BpfSharp.Runtime.Tests.Net;

/// <summary>A socket filter on a raw IPv4 socket: only the matching packets reach the socket.</summary>
public sealed class SocketFilterTests
{
    private const int Datagrams = 3;

    [KernelFact]
    public void Raw_socket_receives_only_udp_to_the_port_while_the_filter_is_attached()
    {
        Kernel.Require();
        using var net = NetNamespacePair.Create();
        using var programs = NetPrograms.Load();
        using var raw = net.Near.Run(() => new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Udp));

        using (programs.KeepUdpToPort.AttachSocketFilter(raw))
        {
            Traffic.Send(net, Datagrams);
            var ports = ReceivePorts(raw);
            Assert.Equal(Enumerable.Repeat(NetPrograms.DroppedPort, Datagrams), ports);
        }

        Traffic.Send(net, Datagrams);
        var unfiltered = ReceivePorts(raw);
        Assert.Equal(Datagrams, unfiltered.Count(p => p == NetPrograms.DroppedPort));
        Assert.Equal(Datagrams, unfiltered.Count(p => p == Traffic.OtherPort));
    }

    [KernelFact]
    public void Only_socket_filter_programs_attach_to_sockets()
    {
        Kernel.Require();
        using var programs = NetPrograms.Load();
        using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        Assert.Throws<InvalidOperationException>(() => programs.TcDropUdp.AttachSocketFilter(udp));
    }

    /// <summary>The UDP destination ports of the packets the raw socket has queued (it sees them from the IP header).</summary>
    private static List<int> ReceivePorts(Socket raw)
    {
        var ports = new List<int>();
        var buffer = new byte[2048];
        while (raw.Poll(TimeSpan.FromMilliseconds(300), SelectMode.SelectRead))
        {
            int n = raw.Receive(buffer);
            int ihl = (buffer[0] & 0xf) * 4;
            if (n >= ihl + 4)
                ports.Add(BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(ihl + 2)));
        }
        return ports;
    }
}
