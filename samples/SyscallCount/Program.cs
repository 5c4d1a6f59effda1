using System.CommandLine;
using BpfSharp.Runtime;
using BpfSharp.Samples;

// The seeds' concurrency lesson: several threads make one syscall a known number of times while a program on the
// sys_enter raw tracepoint counts those calls three ways. The shared counter's read-modify-write races between
// CPUs and loses updates; the atomic add and the per-CPU counter do not.
var threads = new Option<int>("--threads", "-t") { Description = "Threads making the syscall", DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount) };
var calls = new Option<int>("--calls", "-n") { Description = "Calls per thread per round", DefaultValueFactory = _ => 1_000_000 };
var count = new Option<int>("--count", "-c") { Description = "Rounds to run", DefaultValueFactory = _ => 3 };
var syscall = new Option<string>("--syscall", "-s") { Description = "Syscall to make and count", DefaultValueFactory = _ => "getppid" };
syscall.AcceptOnlyFromAmong(Syscalls.Names.ToArray());

var root = new RootCommand("Counts a syscall made from several threads in a shared map, with an atomic add, and in a per-CPU map.")
{
    threads, calls, count, syscall,
};
root.SetAction((result, cancel) => Task.FromResult(Run(
    result.GetValue(threads), result.GetValue(calls), result.GetValue(count), result.GetValue(syscall)!, cancel)));
return await root.Parse(args).InvokeAsync();

static int Run(int threads, int calls, int rounds, string syscall, CancellationToken cancel)
{
    if (!Privileges.CanLoadPrograms(out string reason))
    {
        Console.Error.WriteLine(reason);
        return 1;
    }

    long number = Syscalls.Number(syscall);
    using var counter = SyscallCounter.Load(new BpfLoadOptions
    {
        GlobalValues = new Dictionary<string, byte[]>
        {
            ["TargetTgid"] = BitConverter.GetBytes((uint)Environment.ProcessId),
            ["SyscallId"] = BitConverter.GetBytes((ulong)number),
        },
    });
    var shared = new BpfHashMap<uint, ulong>(counter.Object.Map("Shared"));
    var atomic = new BpfArrayMap<ulong>(counter.Object.Map("Atomic"));
    var perCpu = new BpfPerCpuArrayMap<ulong>(counter.Object.Map("PerCpu"));
    counter.AttachAll();

    Console.WriteLine($"Counting {syscall} ({number}) from {threads} threads x {calls:N0} calls on {Environment.ProcessorCount} CPUs. Ctrl-C to stop.");
    Console.WriteLine($"{"round",5} {"expected",12} {"shared",12} {"lost",8} {"atomic",12} {"per-CPU",12}  per-CPU split");
    for (int round = 1; round <= rounds && !cancel.IsCancellationRequested; round++)
    {
        shared.Update(0, 0);
        atomic[0] = 0;
        perCpu.UpdateAll(0, 0);

        long made = MakeCalls(threads, calls, number, cancel);
        ulong sharedTotal = shared.Lookup(0), atomicTotal = atomic[0];
        ulong[] split = perCpu[0];
        ulong perCpuTotal = split.Sum();
        long lost = made - (long)sharedTotal;
        Console.WriteLine($"{round,5} {made,12:N0} {sharedTotal,12:N0} {lost,8:N0} {atomicTotal,12:N0} {perCpuTotal,12:N0}  {string.Join(" + ", split.Select(v => v.ToString("N0")))}");
    }
    Console.WriteLine("Detached.");
    return 0;
}

// Every thread counts the calls it made, so a round stopped by Ctrl-C still knows its expected total.
static long MakeCalls(int threads, int calls, long number, CancellationToken cancel)
{
    long made = 0;
    using var start = new Barrier(threads);
    var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
    {
        CpuAffinity.TryPin(t % Environment.ProcessorCount);
        start.SignalAndWait();
        int i = 0;
        for (; i < calls && !cancel.IsCancellationRequested; i++)
            Syscalls.Invoke(number);
        Interlocked.Add(ref made, i);
    })).ToList();
    workers.ForEach(w => w.Start());
    workers.ForEach(w => w.Join());
    return made;
}
