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
    ];

    public static int Run(string[] args)
    {
        bool quick = args.Contains("--quick");
        int ops = quick ? 10_000 : 1_000_000;
        int opsAt = Array.IndexOf(args, "--ops");
        if (opsAt >= 0 && opsAt + 1 < args.Length)
            ops = int.Parse(args[opsAt + 1], CultureInfo.InvariantCulture);

        var build = NativeBuild.Run(AppContext.BaseDirectory);
        if (args.Contains("--diag"))
        {
            ManagedBench.Diagnose(build.BpfObject);
            return 0;
        }
        Console.WriteLine($"Kernel {Environment.OSVersion.VersionString}, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, libbpf {build.LibbpfVersion}, {ops:N0} ops per element benchmark");

        // Alternate the two sides and keep each one's best, so a burst of load on a shared machine hurts neither side alone.
        int rounds = quick ? 1 : 3;
        var native = new Dictionary<string, double>();
        var managed = new Dictionary<string, double>();
        for (int round = 0; round < rounds; round++)
        {
            Best(native, build.RunNative(ops));
            Best(managed, ManagedBench.Run(build.BpfObject, ops, quick));
        }

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
