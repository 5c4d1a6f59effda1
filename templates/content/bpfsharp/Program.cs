using BpfSharp.Runtime;
using BpfSharpApp;

// Counts the packets a network interface receives (first argument, default lo) for a few seconds (second
// argument, default 5); Ctrl-C stops early. Loading eBPF programs needs root: sudo dotnet run -- eth0 10
if (!Privileges.CanLoadPrograms(out string reason))
{
    Console.Error.WriteLine(reason);
    return 1;
}
string interfaceName = args.Length > 0 ? args[0] : "lo";
int seconds = args.Length > 1 ? int.Parse(args[1]) : 5;

using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

using var counter = PacketCounter.Load();
Console.WriteLine($"Loaded {counter.CountPacket.Name}: {counter.CountPacket.Info.VerifiedInstructions} instructions verified");
using (var link = counter.CountPacket.AttachXdp(interfaceName))
{
    Console.WriteLine($"Counting packets received on {interfaceName} for {seconds} s; Ctrl-C stops.");
    var packets = new BpfArrayMap<ulong>(counter.Object.Map("Packets"));
    ulong last = 0;
    while (!stop.IsCancellationRequested)
    {
        stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
        ulong total = packets[0];
        Console.WriteLine($"{total - last,10} packets");
        last = total;
    }
    Console.WriteLine($"Total: {last} packets");
}
return 0;
