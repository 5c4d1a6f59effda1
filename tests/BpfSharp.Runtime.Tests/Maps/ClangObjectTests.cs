using BpfSharp.Runtime.Objects;

namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>Objects compiled by clang the libbpf way, loaded through our runtime and run with BPF_PROG_TEST_RUN.</summary>
public sealed class ClangObjectTests
{
    private static readonly byte[] Packet64 = new byte[64];
    private static readonly byte[] Packet100 = new byte[100];

    [Fact]
    public void Spec_reads_maps_globals_and_links_the_subprogram_without_the_kernel()
    {
        var spec = ObjectSpec.Parse(ClangObjects.Compile("globals"));
        Assert.Null(spec.BtfError);
        Assert.Equal([".bss", ".data", ".rodata"], spec.Maps.Select(m => m.Name).Order());
        var rodata = spec.Maps.Single(m => m.Name == ".rodata");
        Assert.True(rodata.Freeze);
        Assert.Equal(MapType.Array, rodata.Type);
        Assert.Equal(4u, rodata.ValueSize);
        Assert.NotEqual(0u, rodata.BtfValueTypeId);
        Assert.Equal(new GlobalVariable("multiplier", ".rodata", 0, 4), spec.Variable("multiplier"));
        Assert.Equal(new GlobalVariable("total", ".data", 0, 8), spec.Variable("total"));
        Assert.Equal(".bss", spec.Variable("calls").Section);
        var program = Assert.Single(spec.Programs);
        Assert.Equal(["use_globals"], spec.Programs.Select(p => p.Name));
        Assert.Equal([".bss", ".data", ".rodata"], program.MapNames.Order());
    }

    [Fact]
    public void Spec_reads_btf_legacy_and_program_array_maps()
    {
        var counter = ObjectSpec.Parse(ClangObjects.Compile("hash_counter"));
        var counts = counter.Maps.Single(m => m.Name == "counts");
        Assert.Equal((MapType.Hash, 4u, 8u, 1024u), (counts.Type, counts.KeySize, counts.ValueSize, counts.MaxEntries));

        var legacy = ObjectSpec.Parse(ClangObjects.Compile("array_legacy"));
        var slots = Assert.Single(legacy.Maps);
        Assert.Equal(("slots", MapType.Array, 4u, 8u, 4u), (slots.Name, slots.Type, slots.KeySize, slots.ValueSize, slots.MaxEntries));

        var tail = ObjectSpec.Parse(ClangObjects.Compile("tail_call"));
        Assert.Equal(new ProgramArraySlot("jumps", 2, "tail_target"), Assert.Single(tail.ProgramArraySlots));
    }

    [KernelFact]
    public void Hash_counter_counts_test_runs_by_packet_length()
    {
        Kernel.Require();
        using var obj = BpfObject.Load(ClangObjects.Compile("hash_counter"));
        Assert.True(obj.HasBtf, obj.BtfError);
        var program = obj.Program("count_packets");
        program.TestRun(new TestRunOptions { Data = Packet64, Repeat = 3 });
        program.TestRun(new TestRunOptions { Data = Packet100 });

        var counts = new BpfHashMap<uint, ulong>(obj.Map("counts"));
        Assert.Equal(new Dictionary<uint, ulong> { [64] = 3, [100] = 1 }, counts.ToDictionary(p => p.Key, p => p.Value));
        var runs = new BpfPerCpuArrayMap<ulong>(obj.Map("runs"));
        Assert.Equal(4UL, runs.Sum(0u));
        Assert.NotEqual(0u, obj.Map("counts").Info.BtfId);
        Assert.NotEqual(0u, program.Info.BtfId);
    }

    [KernelFact]
    public void Globals_rodata_set_before_load_data_and_bss_shared_while_running()
    {
        Kernel.Require();
        using var obj = BpfObject.Load(ClangObjects.Compile("globals"), new BpfLoadOptions
        {
            GlobalValues = new Dictionary<string, byte[]> { ["multiplier"] = BitConverter.GetBytes(3u) },
        });
        var program = obj.Program("use_globals");
        program.TestRun(new TestRunOptions { Data = Packet64 });
        program.TestRun(new TestRunOptions { Data = Packet64 });
        Assert.Equal(3u, obj.Globals.Read<uint>("multiplier"));
        Assert.Equal(192UL, obj.Globals.Read<ulong>("last_length"));
        Assert.Equal(2u, obj.Globals.Read<uint>("calls"));
        Assert.Equal(5UL + 2 * 192, obj.Globals.Read<ulong>("total"));

        obj.Globals.Write("total", 1000UL);
        program.TestRun(new TestRunOptions { Data = Packet100 });
        Assert.Equal(1300UL, obj.Globals.Read<ulong>("total"));

        Assert.ThrowsAny<BpfException>(() => obj.Globals.Write("multiplier", 5u));
    }

    [KernelFact]
    public void Legacy_maps_section_and_socket_filter()
    {
        Kernel.Require();
        using var obj = BpfObject.Load(ClangObjects.Compile("array_legacy"));
        obj.Program("fill_slots").TestRun(new TestRunOptions { Data = new byte[60] });
        // The kernel's test run pulls the 14-byte Ethernet header off a socket filter's skb: len is 46.
        Assert.Equal(new ulong[] { 46, 92, 138, 184 }, new BpfArrayMap<ulong>(obj.Map("slots")).ToArray());
    }

    [KernelFact]
    public void Tail_call_through_the_program_array_the_object_initializes()
    {
        Kernel.Require();
        using var obj = BpfObject.Load(ClangObjects.Compile("tail_call"));
        var result = obj.Program("tail_entry").TestRun(new TestRunOptions { Data = Packet64 });
        Assert.Equal(3u, result.ReturnValue); // XDP_TX from tail_target, not XDP_DROP
        Assert.Equal(new ulong[] { 7, 42 }, new BpfArrayMap<ulong>(obj.Map("marks")).ToArray());
        Assert.Equal(obj.Program("tail_target").Info.Id, new BpfProgramArray(obj.Map("jumps")).ProgramId(2));
    }

    [KernelFact]
    public void Map_size_overrides_apply_at_load()
    {
        Kernel.Require();
        using var obj = BpfObject.Load(ClangObjects.Compile("hash_counter"), new BpfLoadOptions
        {
            MaxEntries = new Dictionary<string, uint> { ["counts"] = 16 },
        });
        Assert.Equal(16u, obj.Map("counts").Info.MaxEntries);
    }

    [KernelFact]
    public void Pinned_by_name_map_is_reused_by_the_next_load()
    {
        Kernel.Require();
        string directory = Path.Combine(BpfFs.EnsureMounted(), $"bpfsharp-test-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(directory);
        try
        {
            var options = new BpfLoadOptions { PinPath = directory };
            using (var first = BpfObject.Load(ClangObjects.Compile("pinned"), options))
            {
                first.Program("bump").TestRun(new TestRunOptions { Data = Packet64, Repeat = 5 });
                Assert.Equal(Path.Combine(directory, "shared_counts"), first.Map("shared_counts").PinnedPath);
            }
            Assert.True(File.Exists(Path.Combine(directory, "shared_counts")));
            using (var second = BpfObject.Load(ClangObjects.Compile("pinned"), options))
            {
                second.Program("bump").TestRun(new TestRunOptions { Data = Packet64 });
                Assert.Equal(6UL, new BpfHashMap<uint, ulong>(second.Map("shared_counts")).Lookup(1));
                second.Map("shared_counts").Unpin();
            }
            Assert.False(File.Exists(Path.Combine(directory, "shared_counts")));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(directory))
                File.Delete(file);
            Directory.Delete(directory);
        }
    }

    [KernelFact]
    public void Pin_unpin_and_open_from_the_api()
    {
        Kernel.Require();
        string path = Path.Combine(BpfFs.EnsureMounted(), $"bpfsharp-pin-{Environment.ProcessId}-{Guid.NewGuid():N}"[..36]);
        using var map = BpfHashMap<uint, uint>.Create(4);
        map.Update(1, 11);
        map.Map.Pin(path);
        try
        {
            using var opened = new BpfHashMap<uint, uint>(BpfMap.OpenPinned(path));
            Assert.Equal(11u, opened.Lookup(1));
            Assert.Equal(map.Map.Info.Id, opened.Map.Info.Id);
        }
        finally
        {
            map.Map.Unpin();
        }
        Assert.False(File.Exists(path));
    }
}
