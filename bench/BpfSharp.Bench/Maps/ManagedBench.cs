using System.Diagnostics;
using BpfSharp.Runtime;
using BpfSharp.Runtime.Objects;

namespace BpfSharp.Bench.Maps;

/// <summary>The BpfSharp side: the same operations as native/maps_bench.c, timed the same way (best of several rounds where it repeats).</summary>
internal static class ManagedBench
{
    public static Dictionary<string, double> Run(string bpfObject, int ops, bool quick)
    {
        var results = new Dictionary<string, double>();
        ElementOps(results, "array", BpfArrayMap<ulong>.Create(1024, "bench"), ops);
        using (var hash = BpfHashMap<uint, ulong>.Create(1024, "bench"))
            ElementOps(results, "hash", hash, ops);
        Iterate(results, 1024, quick ? 2 : 20);
        Iterate(results, 65536, quick ? 1 : 5);
        RingBuffer(results, bpfObject, "produce8", 8, quick ? 1 : 5);
        RingBuffer(results, bpfObject, "produce64", 64, quick ? 1 : 5);
        OpenLoad(results, bpfObject, quick ? 10 : 200);
        return results;
    }

    private static void ElementOps(Dictionary<string, double> results, string kind, BpfKeyedMap<uint, ulong> map, int ops)
    {
        using var owned = map;
        for (uint k = 0; k < 1024; k++)
            map.Update(k, 1);
        // Warm the JIT so the first calls do not count.
        for (uint i = 0; i < 10_000; i++)
            map.TryGetValue(i & 1023, out _);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < ops; i++)
        {
            if (!map.TryGetValue((uint)i & 1023, out _))
                throw new InvalidOperationException("lookup missed");
        }
        results[kind + "_lookup"] = clock.Elapsed.TotalNanoseconds / ops;
        clock.Restart();
        for (int i = 0; i < ops; i++)
            map.Update((uint)i & 1023, (ulong)i);
        results[kind + "_update"] = clock.Elapsed.TotalNanoseconds / ops;
    }

    private static void Iterate(Dictionary<string, double> results, int entries, int rounds)
    {
        using var map = BpfHashMap<uint, ulong>.Create((uint)entries, "bench");
        var keys = Enumerable.Range(0, entries).Select(i => (uint)i).ToArray();
        map.UpdateBatch(keys, keys.Select(k => (ulong)k).ToArray());
        double single = double.MaxValue, batch = double.MaxValue;
        for (int r = 0; r < rounds + 1; r++)
        {
            var clock = Stopwatch.StartNew();
            int seen = 0;
            foreach (var _ in map)
                seen++;
            double t = clock.Elapsed.TotalMicroseconds;
            if (seen != entries)
                throw new InvalidOperationException($"one-by-one saw {seen}");
            if (r > 0)
                single = Math.Min(single, t);

            clock.Restart();
            int total = map.LookupBatch(batchSize: Math.Min(entries, 1024)).Count;
            t = clock.Elapsed.TotalMicroseconds;
            if (total != entries)
                throw new InvalidOperationException($"batch saw {total}");
            if (r > 0)
                batch = Math.Min(batch, t);
        }
        results[$"iterate_{entries}_single"] = single;
        results[$"iterate_{entries}_batch"] = batch;
    }

    private static void RingBuffer(Dictionary<string, double> results, string path, string program, int recordSize, int rounds)
    {
        using var obj = BpfObject.Load(File.ReadAllBytes(path));
        using var reader = new RingBufferReader<ulong>(obj.Map("events"));
        int ring = 4096 * 4096;
        int events = ring / ((recordSize + 8 + 7) / 8 * 8) - 16;
        var packet = new byte[64];
        long consumed = 0;
        Func<ReadOnlySpan<byte>, bool> handler = _ =>
        {
            consumed++;
            return true;
        };
        double best = double.MaxValue;
        for (int r = 0; r < rounds + 1; r++)
        {
            obj.Program(program).TestRun(new TestRunOptions { Data = packet, Repeat = (uint)events });
            consumed = 0;
            var clock = Stopwatch.StartNew();
            reader.Consume(handler);
            double t = clock.Elapsed.TotalSeconds;
            if (consumed != events)
                throw new InvalidOperationException($"consumed {consumed} of {events}");
            if (r > 0)
                best = Math.Min(best, t);
        }
        results[$"ringbuf_{recordSize}"] = events / best;
    }

    /// <summary>Where an open+load spends its time, and whether BTF was used throughout.</summary>
    public static void Diagnose(string path)
    {
        var bytes = File.ReadAllBytes(path);
        for (int i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            var spec = ObjectSpec.Parse(bytes);
            double parse = clock.Elapsed.TotalMicroseconds;
            clock.Restart();
            using var obj = BpfObject.Load(spec);
            double load = clock.Elapsed.TotalMicroseconds;
            clock.Restart();
            obj.Dispose();
            Console.WriteLine($"parse {parse:0} us, load {load:0} us, dispose {clock.Elapsed.TotalMicroseconds:0} us, BTF {obj.HasBtf} {obj.BtfError}");
        }
        using var loaded = BpfObject.Load(bytes);
        foreach (var map in loaded.Maps)
            Console.WriteLine($"map {map.Name}: btf id {map.Info.BtfId}");
        foreach (var program in loaded.Programs)
            Console.WriteLine($"program {program.Name}: btf id {program.Info.BtfId}, {program.Info.XlatedLength} bytes");
    }

    private static void OpenLoad(Dictionary<string, double> results, string path, int rounds)
    {
        using (BpfObject.Load(ObjectSpec.Parse(File.ReadAllBytes(path))))
        {
        }
        var clock = Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++)
        {
            using var obj = BpfObject.Load(ObjectSpec.Parse(File.ReadAllBytes(path)));
        }
        results["open_load"] = clock.Elapsed.TotalMicroseconds / rounds;
    }
}
