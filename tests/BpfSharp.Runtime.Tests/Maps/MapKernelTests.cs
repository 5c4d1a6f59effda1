using System.Text.Json;
using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>
/// Our objects with maps and globals in the real kernel, loaded by libbpf (bpftool): the program runs through
/// BPF_PROG_TEST_RUN, and bpftool's BTF-formatted dumps show the counts under the C# names; the CLR twin of the
/// same method counts the same.
/// </summary>
public class MapKernelTests
{
    private const int Runs = 5;

    [KernelFact]
    public void Hash_counter_and_struct_global_count_test_runs_and_dump_with_CSharp_names()
    {
        Kernel.Require();
        Tools.Require("bpftool");
        BpfFs.EnsureMounted();
        string root = $"/sys/fs/bpf/bpfsharp-mapskernel-{Environment.ProcessId}-{Guid.NewGuid():N}";
        string programs = root + "-progs", maps = root + "-maps";
        using var dir = Tools.CreateTempDirectory();
        string obj = dir.File("MapCounter.o");
        File.WriteAllBytes(obj, MapCounter.BpfObjectBytes.ToArray());
        try
        {
            Tools.Run("bpftool", "prog", "loadall", obj, programs, "pinmaps", maps);
            // bpftool's test run always asks for a repeat count, which raw_tp test runs refuse: run it ourselves.
            using (var program = BpfFs.Open(Path.Combine(programs, "Count")))
                for (int i = 0; i < Runs; i++)
                    Assert.Equal(0, TestRunRawTracepoint(program));

            using var counts = JsonDocument.Parse(Tools.Run("bpftool", "-j", "map", "dump", "pinned", Path.Combine(maps, "Counts")));
            var entry = Assert.Single(counts.RootElement.EnumerateArray());
            Assert.Equal(3, FormattedOrRaw(entry, "key").GetInt32());
            Assert.Equal(Runs, FormattedOrRaw(entry, "value").GetInt64());

            string bss = Directory.GetFiles(maps).Single(p => p.EndsWith("bss", StringComparison.Ordinal)); // libbpf pins ".bss" as "<obj>_bss"
            string dump = Tools.Run("bpftool", "map", "dump", "pinned", bss);
            Assert.Contains("\"Totals\"", dump);
            Assert.Contains($"\"Calls\": {Runs}", dump);
            Assert.Contains("\"LastKey\": 3", dump);
        }
        finally
        {
            if (Directory.Exists(programs)) Directory.Delete(programs, recursive: true);
            if (Directory.Exists(maps)) Directory.Delete(maps, recursive: true);
        }
    }

    [Fact]
    public unsafe void Clr_twin_of_the_same_method_counts_the_same()
    {
        for (int i = 0; i < Runs; i++)
            MapCounter.Count(default);
        Assert.Equal((ulong)Runs, *MapCounter.Counts.Lookup(3));
        Assert.Equal((ulong)Runs, MapCounter.Totals.Calls);
        Assert.Equal(3u, MapCounter.Totals.LastKey);
    }

    private static unsafe int TestRunRawTracepoint(BpfFd program)
    {
        var context = new byte[8];
        using var lease = program.Lease();
        fixed (byte* ctx = context)
        {
            var attr = new BpfSharp.Runtime.Interop.ProgTestRunAttr { ProgFd = lease.Unsigned, CtxSizeIn = 8, CtxIn = (ulong)ctx };
            BpfSharp.Runtime.Interop.BpfSyscall.TryInvoke(BpfSharp.Runtime.Interop.BpfCommand.ProgTestRun, ref attr, out int errno);
            Assert.Equal(0, errno);
            return (int)attr.Retval;
        }
    }

    private static JsonElement FormattedOrRaw(JsonElement entry, string name) =>
        entry.TryGetProperty("formatted", out var formatted) ? formatted.GetProperty(name) : entry.GetProperty(name);
}
