using System.Diagnostics;
using System.Globalization;

namespace BpfSharp.Bench.Maps;

/// <summary>
/// <c>maps</c>: host-side map, ring buffer and load costs beside libbpf doing the same, in one run, printed as a
/// markdown table with the C#/libbpf ratios.
/// </summary>
internal static class MapsCommand
{
    private static readonly (string Key, string Label, string Unit, bool HigherIsBetter)[] Rows =
    [
        ("array_lookup", "array lookup", "ns/op", false),
        ("array_update", "array update", "ns/op", false),
        ("hash_lookup", "hash lookup", "ns/op", false),
        ("hash_update", "hash update", "ns/op", false),
        ("iterate_1024_single", "hash iterate 1k, one by one", "us", false),
        ("iterate_1024_batch", "hash iterate 1k, batch", "us", false),
        ("iterate_65536_single", "hash iterate 64k, one by one", "us", false),
        ("iterate_65536_batch", "hash iterate 64k, batch", "us", false),
        ("ringbuf_8", "ring buffer consume, 8 B records", "events/s", true),
        ("ringbuf_64", "ring buffer consume, 64 B records", "events/s", true),
        ("open_load", "object open+load+close", "us", false),
        ("open_load_cold", "first open+load+close in a new process (start-up)", "us", false),
    ];

    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        int ops = Option(args, "--ops", quick ? 10_000 : 200_000);
        int rounds = Option(args, "--rounds", quick ? 1 : 3);
        var clock = args.Contains("--wall") ? BenchClock.Kind.Wall : BenchClock.Kind.Cpu;

        var build = NativeBuild.Run(AppContext.BaseDirectory);
        if (args.Contains("--diag"))
        {
            ManagedBench.Diagnose(build.BpfObject, quick ? 20 : 500);
            return 0;
        }
        var steps = Steps(quick, ops, clock);
        Console.WriteLine($"Kernel {Environment.OSVersion.VersionString}, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, libbpf {build.LibbpfVersion}; "
            + $"{rounds} rounds after a pilot round; element ops: median of 5 batches of {ops:N0}, best round; {(clock == BenchClock.Kind.Cpu ? "thread CPU time" : "wall time")}; load average {LoadAverage()}");

        // The pilot round runs every step on both sides untimed: the JIT compiles and tiers up the C# paths, and both
        // sides see warm kernel caches. Waiting for the JIT to go quiet keeps its background compiles out of the timed
        // rounds, which then measure the steady state each side's users get after start-up (reported as its own row).
        foreach (var step in steps)
        {
            build.RunNative(step);
            ManagedBench.Run(build.BpfObject, step);
        }
        WaitForJitToSettle();

        // Each step runs on both sides back to back, the side that goes first alternating by round, and each side keeps
        // its best round (each round's figure is the median of its batches): a burst of load on a shared machine then
        // lands on both sides or is outlived.
        var native = new Dictionary<string, double>();
        var managed = new Dictionary<string, double>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (var step in steps)
            {
                if (round % 2 == 0)
                {
                    Best(native, build.RunNative(step));
                    Best(managed, ManagedBench.Run(build.BpfObject, step));
                }
                else
                {
                    Best(managed, ManagedBench.Run(build.BpfObject, step));
                    Best(native, build.RunNative(step));
                }
            }
            // Start-up: each side's first open+load+close in a process of its own.
            var cold = new BenchStep("open_load", "-", Warmup: 0, Batches: 1, BatchSize: 1, clock);
            Best(native, Renamed(build.RunNative(cold), "open_load_cold"));
            Best(managed, Renamed(ColdManaged(build.BpfObject, clock), "open_load_cold"));
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| benchmark | unit | BpfSharp | libbpf | throughput C#/libbpf | time C#/libbpf |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (key, label, unit, higher) in Rows)
        {
            double cs = managed[key], c = native[key];
            double throughput = higher ? cs / c : c / cs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {unit} | {Format(cs)} | {Format(c)} | {throughput:0.00}x | {1 / throughput:0.00}x |"));
        }
        return 0;
    }

    /// <summary><c>maps-cold &lt;object&gt; cpu|wall</c>: one open+load+close in this fresh process, printed like the native side's lines.</summary>
    public static int Cold(string[] args)
    {
        var clock = args[1] == "wall" ? BenchClock.Kind.Wall : BenchClock.Kind.Cpu;
        var results = ManagedBench.Run(args[0], new BenchStep("open_load", "-", Warmup: 0, Batches: 1, BatchSize: 1, clock));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"open_load {results["open_load"]:0.0}"));
        return 0;
    }

    /// <summary>The protocol of every benchmark; both sides get exactly these numbers.</summary>
    private static BenchStep[] Steps(bool quick, int ops, BenchClock.Kind clock) =>
    [
        new("element", "array", Warmup: quick ? 1_000 : 10_000, Batches: 5, BatchSize: ops, clock),
        new("element", "hash", Warmup: quick ? 1_000 : 10_000, Batches: 5, BatchSize: ops, clock),
        new("iterate", "1024", Warmup: 1, Batches: quick ? 2 : 20, BatchSize: 1, clock),
        new("iterate", "65536", Warmup: 1, Batches: quick ? 1 : 5, BatchSize: 1, clock),
        new("ringbuf", "8", Warmup: 1, Batches: quick ? 1 : 5, BatchSize: 1, clock),
        new("ringbuf", "64", Warmup: 1, Batches: quick ? 1 : 5, BatchSize: 1, clock),
        new("open_load", "-", Warmup: quick ? 2 : 10, Batches: quick ? 2 : 5, BatchSize: quick ? 5 : 20, clock),
    ];

    private static Dictionary<string, double> ColdManaged(string bpfObject, BenchClock.Kind clock)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(typeof(MapsCommand).Assembly.Location);
        start.ArgumentList.Add("maps-cold");
        start.ArgumentList.Add(bpfObject);
        start.ArgumentList.Add(clock == BenchClock.Kind.Wall ? "wall" : "cpu");
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"maps-cold failed ({process.ExitCode})");
        var parts = output.Trim().Split(' ');
        return new Dictionary<string, double> { [parts[0]] = double.Parse(parts[1], CultureInfo.InvariantCulture) };
    }

    /// <summary>Until no method has been compiled for a second (at most half a minute).</summary>
    private static void WaitForJitToSettle()
    {
        var clock = Stopwatch.StartNew();
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(1000);
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == compiled)
                return;
            compiled = now;
        }
    }

    private static Dictionary<string, double> Renamed(Dictionary<string, double> results, string key) =>
        new() { [key] = results.Single().Value };

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static void Best(Dictionary<string, double> best, Dictionary<string, double> run)
    {
        foreach (var (key, value) in run)
        {
            bool higherIsBetter = key.StartsWith("ringbuf", StringComparison.Ordinal);
            if (!best.TryGetValue(key, out double current) || (higherIsBetter ? value > current : value < current))
                best[key] = value;
        }
    }

    private static string Format(double value) => value >= 1e6
        ? (value / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + "M"
        : value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
}
