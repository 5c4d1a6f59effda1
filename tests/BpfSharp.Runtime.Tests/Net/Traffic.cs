using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BpfSharp.Runtime.Tests.Net;

/// <summary>
/// Real traffic across a <see cref="NetNamespacePair"/>: UDP datagrams from the far side to the dropped port and to
/// another port, and a TCP connection, each counted on arrival at the near side.
/// </summary>
internal static class Traffic
{
    public const int OtherPort = NetPrograms.DroppedPort + 1;
    public const int TcpPort = NetPrograms.DroppedPort + 2;

    public sealed record Result(int DroppedPortReceived, int OtherPortReceived, bool TcpDelivered);

    public static Result Send(NetNamespacePair net, int datagrams)
    {
        var (dropped, other, listener) = net.Near.Run(() => (
            BoundUdp(net.NearAddress, NetPrograms.DroppedPort),
            BoundUdp(net.NearAddress, OtherPort),
            StartedListener(net.NearAddress)));
        using (dropped)
        using (other)
        {
            try
            {
                var accepted = listener.AcceptTcpClientAsync();
                bool connected = net.Far.Run(() =>
                {
                    using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    for (int i = 0; i < datagrams; i++)
                    {
                        udp.SendTo(Encoding.ASCII.GetBytes("drop " + i), new IPEndPoint(net.NearAddress, NetPrograms.DroppedPort));
                        udp.SendTo(Encoding.ASCII.GetBytes("pass " + i), new IPEndPoint(net.NearAddress, OtherPort));
                    }
                    using var tcp = new TcpClient(AddressFamily.InterNetwork);
                    var connect = tcp.ConnectAsync(net.NearAddress, TcpPort);
                    if (!connect.Wait(TimeSpan.FromSeconds(3)))
                        return false;
                    tcp.GetStream().Write("hello"u8);
                    return true;
                });
                bool tcpDelivered = connected && ReadsHello(accepted);
                int otherCount = Receive(other, datagrams, TimeSpan.FromSeconds(3));
                // The passed datagrams were sent interleaved with these, so anything not dropped has arrived by now.
                int droppedCount = Receive(dropped, datagrams, TimeSpan.FromMilliseconds(300));
                return new Result(droppedCount, otherCount, tcpDelivered);
            }
            finally
            {
                listener.Stop();
            }
        }
    }

    private static Socket BoundUdp(IPAddress address, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, port));
        return socket;
    }

    private static TcpListener StartedListener(IPAddress address)
    {
        var listener = new TcpListener(address, TcpPort);
        listener.Start();
        return listener;
    }

    private static bool ReadsHello(Task<TcpClient> accepted)
    {
        if (!accepted.Wait(TimeSpan.FromSeconds(3)))
            return false;
        using var client = accepted.Result;
        client.ReceiveTimeout = 3000;
        var buffer = new byte[5];
        int read = 0;
        while (read < buffer.Length)
        {
            int n = client.GetStream().Read(buffer, read, buffer.Length - read);
            if (n == 0)
                break;
            read += n;
        }
        return Encoding.ASCII.GetString(buffer, 0, read) == "hello";
    }

    /// <summary>Counts datagrams until <paramref name="expected"/> arrived or none came for <paramref name="quiet"/>.</summary>
    public static int Receive(Socket socket, int expected, TimeSpan quiet)
    {
        var buffer = new byte[2048];
        int count = 0;
        while (count < expected && socket.Poll(quiet, SelectMode.SelectRead))
        {
            socket.Receive(buffer);
            count++;
        }
        // Anything beyond what was expected would be a bug too; give it a moment to show.
        while (socket.Poll(TimeSpan.FromMilliseconds(50), SelectMode.SelectRead))
        {
            socket.Receive(buffer);
            count++;
        }
        return count;
    }
}
