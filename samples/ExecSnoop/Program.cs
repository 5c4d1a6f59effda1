using System.CommandLine;
using System.Diagnostics;
using BpfSharp.Runtime;
using BpfSharp.Samples;

// Like BCC's execsnoop: one line per successful execve, with the new program's name, its pid, parent pid, uid and
// arguments, streamed from the kernel through a ring buffer.
var uid = new Option<uint?>("--uid", "-u") { Description = "Only execs by this user id (set in the program before load)" };
var duration = new Option<double>("--duration", "-d") { Description = "Seconds to trace; 0 traces until Ctrl-C", DefaultValueFactory = _ => 0 };
var count = new Option<int>("--count", "-c") { Description = "Stop after this many execs; 0 for no limit", DefaultValueFactory = _ => 0 };

var root = new RootCommand("Traces new processes: every execve with pid, ppid, uid, command name and arguments.")
{
    uid, duration, count,
};
root.SetAction((result, cancel) => Task.FromResult(Run(result.GetValue(uid), result.GetValue(duration), result.GetValue(count), cancel)));
return await root.Parse(args).InvokeAsync();

static int Run(uint? uid, double duration, int count, CancellationToken cancel)
{
    if (!Privileges.CanLoadPrograms(out string reason))
    {
        Console.Error.WriteLine(reason);
        return 1;
    }

    using var tracer = ExecTracer.Load(new BpfLoadOptions
    {
        GlobalValues = new Dictionary<string, byte[]> { ["TargetUid"] = BitConverter.GetBytes(uid ?? uint.MaxValue) },
    });
    using var reader = new RingBufferReader<ExecArguments>(tracer.Object.Map("Events"));
    tracer.AttachAll();

    var join = new ExecJoin();
    var clock = Stopwatch.StartNew();
    int printed = 0;
    bool Handle(ReadOnlySpan<byte> record)
    {
        if (join.Add(record) is { } line)
        {
            Console.WriteLine($"{line.Seconds,-8:F3} {line.Comm,-16} {line.Pid,-7} {line.Ppid,-7} {line.Uid,-6} {string.Join(' ', line.Args)}{(line.Truncated ? " ..." : "")}");
            printed++;
        }
        return count == 0 || printed < count;
    }

    Console.WriteLine($"{"TIME(s)",-8} {"PCOMM",-16} {"PID",-7} {"PPID",-7} {"UID",-6} ARGS");
    while (!cancel.IsCancellationRequested && (count == 0 || printed < count) && (duration <= 0 || clock.Elapsed.TotalSeconds < duration))
        reader.Poll(Handle, timeoutMilliseconds: 100);
    return 0;
}
