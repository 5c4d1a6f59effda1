using BpfSharp.Runtime;
using BpfSharpApp;

// Counts the machine's system calls for a few seconds (the first argument, default 5); Ctrl-C stops early.
// Loading eBPF programs needs root: sudo dotnet run.
if (!Privileges.CanLoadPrograms(out string reason))
{
    Console.Error.WriteLine(reason);
    return 1;
}
int seconds = args.Length > 0 ? int.Parse(args[0]) : 5;

using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

using var counter = Counter.Load();
Console.WriteLine($"Loaded {counter.CountSyscall.Name}: {counter.CountSyscall.Info.VerifiedInstructions} instructions verified");
counter.AttachAll();
var calls = new BpfArrayMap<ulong>(counter.Object.Map("Calls"));

ulong last = 0;
while (!stop.IsCancellationRequested)
{
    stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
    ulong total = calls[0];
    Console.WriteLine($"{total - last,10} system calls");
    last = total;
}
Console.WriteLine($"Total: {last} system calls");
return 0;
