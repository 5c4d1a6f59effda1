using BpfSharp.Runtime;

namespace BpfSharp.Samples;

internal static class CaptureCommand
{
    public static async Task<int> RunAsync(string iface, ushort port, TimeSpan? duration, int? count, CancellationToken cancel)
    {
        if (!Privileges.CanLoadPrograms(out string reason))
        {
            Console.Error.WriteLine(reason);
            return 1;
        }
        using var filter = Loading.Load(port);
        using var socket = PacketSocket.Open();
        int printed = 0;
        using (filter.KeepPort.AttachSocketFilter(socket))
        {
            PacketSocket.Bind(socket, iface);
            Console.WriteLine($"Capturing tcp and port {port} on {iface}; Ctrl-C to stop.");
            using var until = Loading.Until(duration, cancel);
            var frame = new byte[65536];
            try
            {
                while (count is null || printed < count)
                {
                    int n = await socket.ReceiveAsync(frame, until.Token);
                    if (TcpLine.Format(DateTime.Now, frame.AsSpan(0, n)) is { } line)
                    {
                        Console.WriteLine(line);
                        printed++;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
        Console.WriteLine($"{printed} packets captured");
        return 0;
    }
}
