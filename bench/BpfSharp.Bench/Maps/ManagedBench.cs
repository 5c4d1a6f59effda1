using System.Diagnostics;
using BpfSharp.Runtime;
using BpfSharp.Runtime.Objects;

namespace BpfSharp.Bench.Maps;

/// <summary>
/// The BpfSharp side: the same operations as native/maps_bench.c under the same protocol (<see cref="BenchStep"/>:
/// untimed warm-up, then the median of several timed batches, on the same <see cref="BenchClock"/>).
/// </summary>
internal static class ManagedBench
{
    public static Dictionary<string, double> Run(string bpfObject, BenchStep step)
    {
        var results = new Dictionary<string, double>();
        switch (step.Bench)
        {
            case "element" when step.Argument == "array":
                Element(results, "array", BpfArrayMap<ulong>.Create(1024, "bench"), step);
                break;
            case "element":
                Element(results, "hash", BpfHashMap<uint, ulong>.Create(1024, "bench"), step);
                break;
            case "iterate":
                Iterate(results, int.Parse(step.Argument), step);
                break;
            case "ringbuf":
                RingBuffer(results, bpfObject, int.Parse(step.Argument), step);
                break;
            case "open_load":
                OpenLoad(results, bpfObject, step);
                break;
            default:
                throw new ArgumentException($"unknown bench {step.Bench}");
        }
        return results;
    }

    private static void Lookups(BpfKeyedMap<uint, ulong> map, int ops)
    {
        for (int i = 0; i < ops; i++)
        {
            if (!map.TryGetValue((uint)i & 1023, out _))
                throw new InvalidOperationException("lookup missed");
        }
    }

    private static void Updates(BpfKeyedMap<uint, ulong> map, int ops)
    {
        for (int i = 0; i < ops; i++)
            map.Update((uint)i & 1023, (ulong)i);
    }

    private static void Element(Dictionary<string, double> results, string kind, BpfKeyedMap<uint, ulong> map, BenchStep step)
    {
        using var owned = map;
        Updates(map, 1024);
        Lookups(map, step.Warmup);
        Updates(map, step.Warmup);
        var lookup = new double[step.Batches];
        var update = new double[step.Batches];
        for (int b = 0; b < step.Batches; b++)
        {
            double start = BenchClock.Now(step.Clock);
            Lookups(map, step.BatchSize);
            lookup[b] = (BenchClock.Now(step.Clock) - start) / step.BatchSize;
            start = BenchClock.Now(step.Clock);
            Updates(map, step.BatchSize);
            update[b] = (BenchClock.Now(step.Clock) - start) / step.BatchSize;
        }
        results[kind + "_lookup"] = Median(lookup);
        results[kind + "_update"] = Median(update);
    }

    private static int ReadOneByOne(BpfHashMap<uint, ulong> map)
    {
        int seen = 0;
        foreach (var _ in map)
            seen++;
        return seen;
    }

    private static void Iterate(Dictionary<string, double> results, int entries, BenchStep step)
    {
        using var map = BpfHashMap<uint, ulong>.Create((uint)entries, "bench");
        var keys = Enumerable.Range(0, entries).Select(i => (uint)i).ToArray();
        map.UpdateBatch(keys, keys.Select(k => (ulong)k).ToArray());
        int batchSize = Math.Min(entries, 1024);
        // Like the C side: buffers allocated once (one spare slot for the call that learns the map has ended).
        var keyBuffer = new uint[entries + 1];
        var valueBuffer = new ulong[entries + 1];
        for (int w = 0; w < step.Warmup; w++)
        {
            ReadOneByOne(map);
            map.LookupBatch(keyBuffer, valueBuffer, batchSize);
        }
        var single = new double[step.Batches];
        var batch = new double[step.Batches];
        for (int b = 0; b < step.Batches; b++)
        {
            double start = BenchClock.Now(step.Clock);
            int seen = ReadOneByOne(map);
            single[b] = (BenchClock.Now(step.Clock) - start) / 1e3;
            if (seen != entries)
                throw new InvalidOperationException($"one-by-one saw {seen}");
            start = BenchClock.Now(step.Clock);
            int total = map.LookupBatch(keyBuffer, valueBuffer, batchSize);
            batch[b] = (BenchClock.Now(step.Clock) - start) / 1e3;
            if (total != entries)
                throw new InvalidOperationException($"batch saw {total}");
        }
        results[$"iterate_{entries}_single"] = Median(single);
        results[$"iterate_{entries}_batch"] = Median(batch);
    }

    private static void RingBuffer(Dictionary<string, double> results, string path, int recordSize, BenchStep step)
    {
        using var obj = BpfObject.Load(File.ReadAllBytes(path));
        using var reader = new RingBufferReader<ulong>(obj.Map("events"));
        var program = obj.Program(recordSize == 8 ? "produce8" : "produce64");
        int ring = 4096 * 4096;
        int events = ring / ((recordSize + 8 + 7) / 8 * 8) - 16;
        var packet = new byte[64];
        long consumed = 0;
        Func<ReadOnlySpan<byte>, bool> handler = _ =>
        {
            consumed++;
            return true;
        };
        var times = new double[step.Batches];
        for (int r = 0; r < step.Warmup + step.Batches; r++)
        {
            program.TestRun(new TestRunOptions { Data = packet, Repeat = (uint)events });
            consumed = 0;
            double start = BenchClock.Now(step.Clock);
            reader.Consume(handler);
            double t = (BenchClock.Now(step.Clock) - start) / 1e9;
            if (consumed != events)
                throw new InvalidOperationException($"consumed {consumed} of {events}");
            if (r >= step.Warmup)
                times[r - step.Warmup] = t;
        }
        results[$"ringbuf_{recordSize}"] = events / Median(times);
    }

    private static void OpenLoadCycle(string path)
    {
        using var obj = BpfObject.Load(ObjectSpec.Parse(File.ReadAllBytes(path)));
    }

    private static void OpenLoad(Dictionary<string, double> results, string path, BenchStep step)
    {
        for (int w = 0; w < step.Warmup; w++)
            OpenLoadCycle(path);
        var cycle = new double[step.Batches];
        for (int b = 0; b < step.Batches; b++)
        {
            double start = BenchClock.Now(step.Clock);
            for (int r = 0; r < step.BatchSize; r++)
                OpenLoadCycle(path);
            cycle[b] = (BenchClock.Now(step.Clock) - start) / 1e3 / step.BatchSize;
        }
        results["open_load"] = Median(cycle);
    }

    /// <summary>The median of a step's batches: steady against both a preempted batch and one the kernel's allocator favoured.</summary>
    private static double Median(double[] samples)
    {
        Array.Sort(samples);
        int n = samples.Length;
        return n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    }

    /// <summary>Where an open+load spends its time (best of many cycles, after warming up), and whether BTF was used throughout.</summary>
    public static void Diagnose(string path, int cycles)
    {
        double read = double.MaxValue, parse = double.MaxValue, load = double.MaxValue, dispose = double.MaxValue;
        for (int i = 0; i < cycles; i++)
        {
            var clock = Stopwatch.StartNew();
            var bytes = File.ReadAllBytes(path);
            read = Math.Min(read, clock.Elapsed.TotalMicroseconds);
            clock.Restart();
            var spec = ObjectSpec.Parse(bytes);
            parse = Math.Min(parse, clock.Elapsed.TotalMicroseconds);
            clock.Restart();
            var obj = BpfObject.Load(spec);
            load = Math.Min(load, clock.Elapsed.TotalMicroseconds);
            clock.Restart();
            obj.Dispose();
            dispose = Math.Min(dispose, clock.Elapsed.TotalMicroseconds);
        }
        Console.WriteLine($"best of {cycles}: read {read:0} us, parse {parse:0} us, load {load:0} us, dispose {dispose:0} us");
        using var loaded = BpfObject.Load(File.ReadAllBytes(path));
        Console.WriteLine($"BTF {loaded.HasBtf} {loaded.BtfError}");
        foreach (var map in loaded.Maps)
            Console.WriteLine($"map {map.Name}: btf id {map.Info.BtfId}");
        foreach (var program in loaded.Programs)
            Console.WriteLine($"program {program.Name}: btf id {program.Info.BtfId}, {program.Info.XlatedLength} bytes");
    }
}
