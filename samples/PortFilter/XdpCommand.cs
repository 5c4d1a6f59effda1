using BpfSharp.Runtime;

namespace BpfSharp.Samples;

internal static class XdpCommand
{
    public static async Task<int> RunAsync(string iface, ushort port, TimeSpan? duration, TimeSpan interval, CancellationToken cancel)
    {
        if (!Privileges.CanLoadPrograms(out string reason))
        {
            Console.Error.WriteLine(reason);
            return 1;
        }
        using var filter = Loading.Load(port);
        var counts = new BpfArrayMap<ulong>(filter.Counts);
        using (filter.DropPort.AttachXdp(iface))
        {
            Console.WriteLine($"Dropping TCP port {port} on {iface}; Ctrl-C to detach.");
            using var until = Loading.Until(duration, cancel);
            using var timer = new PeriodicTimer(interval);
            try
            {
                while (await timer.WaitForNextTickAsync(until.Token))
                    Print(counts, "");
            }
            catch (OperationCanceledException)
            {
            }
        }
        Print(counts, "detached, ");
        return 0;
    }

    private static void Print(BpfArrayMap<ulong> counts, string prefix) =>
        Console.WriteLine($"{DateTime.Now:HH:mm:ss} {prefix}dropped {counts[PortFilter.Dropped]} passed {counts[PortFilter.Passed]}");
}
