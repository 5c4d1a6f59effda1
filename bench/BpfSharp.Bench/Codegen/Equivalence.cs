using BpfSharp.Runtime;

namespace BpfSharp.Bench.Codegen;

/// <summary>
/// Whether a clang object and its C# twin behave the same: both loaded fresh, each corpus packet test-run once on
/// each, then the return values, the packets as the programs left them, and what the programs left in their maps
/// compared. Per-CPU values are summed over CPUs per 64-bit word (the runs may land on different CPUs); ring buffer
/// records are compared in order.
/// </summary>
internal static class Equivalence
{
    /// <summary>Every difference, one line each; empty when the twins agree.</summary>
    public static List<string> Compare(BenchProgram program, BpfObject clang, BpfObject csharp)
    {
        var differences = new List<string>();
        var clangEvents = new List<EventLog>();
        var csharpEvents = new List<EventLog>();
        try
        {
            AddReaders(clang, clangEvents);
            AddReaders(csharp, csharpEvents);
            RunCorpus(program, clang.Program(program.Name), csharp.Program(program.Name), clangEvents, csharpEvents, differences);
            var clangMaps = Contents(clang, clangEvents);
            var csharpMaps = Contents(csharp, csharpEvents);
            if (clangMaps.Count != csharpMaps.Count)
                differences.Add($"{program.Name}: C# has {csharpMaps.Count} maps, clang {clangMaps.Count}");
            foreach (var ((expectedMap, expected), (actualMap, actual)) in clangMaps.Zip(csharpMaps))
            {
                if (!expected.SequenceEqual(actual))
                    differences.Add($"{program.Name}: map {actualMap.Name} holds [{string.Join(", ", actual)}], clang's {expectedMap.Name} [{string.Join(", ", expected)}]");
            }
        }
        finally
        {
            foreach (var log in clangEvents.Concat(csharpEvents))
                log.Reader.Dispose();
        }
        return differences;
    }

    private static void RunCorpus(BenchProgram program, BpfProgram clang, BpfProgram csharp, List<EventLog> clangEvents, List<EventLog> csharpEvents, List<string> differences)
    {
        foreach (var (name, frame) in Packets.Corpus())
        {
            var expected = Run(clang, frame);
            var actual = Run(csharp, frame);
            if (expected is null || actual is null)
            {
                // The kernel refuses some frames for some program types (a socket filter's test run refuses the
                // shortest); that must not depend on who compiled the program.
                if (expected is not null || actual is not null)
                    differences.Add($"{program.Name} on {name}: the kernel ran only the {(expected is null ? "C#" : "clang")} program");
                continue;
            }
            if (expected.ReturnValue != actual.ReturnValue)
                differences.Add($"{program.Name} on {name}: C# returned {actual.ReturnValue}, clang {expected.ReturnValue}");
            if (!expected.Data.AsSpan().SequenceEqual(actual.Data))
                differences.Add($"{program.Name} on {name}: C# left the packet {Convert.ToHexString(actual.Data)}, clang {Convert.ToHexString(expected.Data)}");
            Drain(clangEvents);
            Drain(csharpEvents);
        }
    }

    private static TestRunResult? Run(BpfProgram program, byte[] frame)
    {
        try
        {
            return program.TestRun(new TestRunOptions { Data = frame });
        }
        catch (BpfException e) when (e.Errno == 22)
        {
            return null;
        }
    }

    private sealed record EventLog(BpfMap Map, RingBufferReader<byte> Reader, List<string> Records);

    private static void AddReaders(BpfObject obj, List<EventLog> logs)
    {
        foreach (var map in UserMaps(obj).Where(m => m.Type == MapType.RingBuffer))
            logs.Add(new EventLog(map, new RingBufferReader<byte>(map), new List<string>()));
    }

    private static void Drain(List<EventLog> logs)
    {
        foreach (var log in logs)
            log.Reader.Consume(record => { log.Records.Add(Convert.ToHexString(record)); return true; });
    }

    /// <summary>
    /// The user's maps in a fixed order (type, then key and value size): "key=value" lines sorted by key, or for a
    /// ring buffer the records it delivered.
    /// </summary>
    private static List<(BpfMap Map, List<string> Entries)> Contents(BpfObject obj, List<EventLog> events)
    {
        var result = new List<(BpfMap, List<string>)>();
        foreach (var map in UserMaps(obj).OrderBy(m => m.Type).ThenBy(m => m.KeySize).ThenBy(m => m.ValueSize))
        {
            var entries = events.Find(e => e.Map == map)?.Records ?? new List<string>();
            if (map.Type != MapType.RingBuffer)
            {
                var key = new byte[map.KeySize];
                var next = new byte[map.KeySize];
                var value = new byte[map.ValueBufferSize];
                bool first = true;
                while (map.TryGetNextKey(first ? ReadOnlySpan<byte>.Empty : key, next))
                {
                    first = false;
                    next.CopyTo(key, 0);
                    if (map.TryLookup(key, value))
                        entries.Add(Convert.ToHexString(key) + "=" + Convert.ToHexString(SumPerCpu(map, value)));
                }
                entries.Sort(StringComparer.Ordinal);
            }
            result.Add((map, entries));
        }
        return result;
    }

    private static IEnumerable<BpfMap> UserMaps(BpfObject obj) => obj.Maps.Where(m => !m.Name.Contains('.'));

    private static byte[] SumPerCpu(BpfMap map, byte[] value)
    {
        if (map.PerCpuStride == 0)
            return value;
        var sum = new byte[map.ValueSize];
        for (int word = 0; word + 8 <= map.ValueSize; word += 8)
        {
            ulong total = 0;
            for (int cpu = 0; cpu * map.PerCpuStride < value.Length; cpu++)
                total += BitConverter.ToUInt64(value, cpu * map.PerCpuStride + word);
            BitConverter.TryWriteBytes(sum.AsSpan(word), total);
        }
        return sum;
    }
}
