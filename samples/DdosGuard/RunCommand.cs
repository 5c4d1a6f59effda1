using BpfSharp.Runtime;

namespace BpfSharp.Samples;

internal static class RunCommand
{
    public static async Task<int> RunAsync(string iface, ulong pps, TimeSpan interval, TimeSpan? duration, CancellationToken cancel)
    {
        if (!Privileges.CanLoadPrograms(out string reason))
        {
            Console.Error.WriteLine(reason);
            return 1;
        }
        using var guard = DdosGuard.Load(new BpfLoadOptions
        {
            GlobalValues = new Dictionary<string, byte[]> { [nameof(DdosGuard.Pps)] = BitConverter.GetBytes(pps) },
        });
        GuardMaps.Pin(guard, iface);
        try
        {
            var maps = GuardMaps.Of(guard);
            using (guard.Guard.AttachXdp(iface))
            {
                Console.WriteLine($"Guarding {iface}: blocklist and limit {pps} packets/s per source; maps pinned in {GuardMaps.Directory(iface)}. Ctrl-C to detach.");
                using var until = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                if (duration is { } d)
                    until.CancelAfter(d);
                using var timer = new PeriodicTimer(interval);
                try
                {
                    while (await timer.WaitForNextTickAsync(until.Token))
                        Console.WriteLine($"{DateTime.Now:HH:mm:ss} {maps.TotalsLine()}");
                }
                catch (OperationCanceledException)
                {
                }
            }
            Console.WriteLine($"{DateTime.Now:HH:mm:ss} detached, {maps.TotalsLine()}");
        }
        finally
        {
            GuardMaps.Unpin(guard, iface);
        }
        return 0;
    }
}
