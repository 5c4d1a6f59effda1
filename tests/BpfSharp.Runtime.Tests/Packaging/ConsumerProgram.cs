namespace BpfSharp.Runtime.Tests.Packaging;

/// <summary>
/// The program the package test writes into its new console project: an XDP program counting packets in an
/// array map, and a host that attaches it to an interface, sends UDP datagrams to itself through that interface
/// (loopback, in a namespace of its own) and prints how many it received and how many the program counted.
/// </summary>
internal static class ConsumerProgram
{
    public const string ClassName = "PacketCounter";

    public const string Bpf = """
        using BpfSharp;

        namespace Consumer;

        public static unsafe partial class PacketCounter
        {
            static readonly ArrayMap<ulong> Packets = new(maxEntries: 1);

            [BpfProgram, Xdp]
            public static XdpAction Count(XdpContext ctx)
            {
                uint slot = 0;
                ulong* packets = Packets.Lookup(slot);
                if (packets != null)
                    Bpf.AtomicAdd(packets, 1);
                return XdpAction.Pass;
            }
        }
        """;

    public const string Host = """
        using System.Net;
        using System.Net.Sockets;
        using BpfSharp.Runtime;
        using Consumer;

        string interfaceName = args[0];
        int datagrams = int.Parse(args[1]);

        using var counter = PacketCounter.Load();
        using var link = counter.Count.AttachXdp(interfaceName);

        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        receiver.Client.ReceiveTimeout = 5000;
        using var sender = new UdpClient();
        var target = (IPEndPoint)receiver.Client.LocalEndPoint!;
        for (int i = 0; i < datagrams; i++)
            sender.Send([(byte)i], 1, target);
        var from = new IPEndPoint(IPAddress.Any, 0);
        int received = 0;
        for (; received < datagrams; received++)
            receiver.Receive(ref from);

        Console.WriteLine($"received: {received}");
        Console.WriteLine($"counted: {new BpfArrayMap<ulong>(counter.Object.Map("Packets"))[0]}");
        """;

    public const int Datagrams = 10;

    public static readonly string[] ExpectedLines = [$"received: {Datagrams}", $"counted: {Datagrams}"];
}
