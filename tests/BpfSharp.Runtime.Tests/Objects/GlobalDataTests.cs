using BpfSharp.Runtime.Objects;
using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Objects;

/// <summary>
/// Global variables the libbpf way, in the real kernel: .data and .bss are BPF_F_MMAPABLE arrays the host maps and
/// reads and writes in place while the program runs; .rodata is frozen and mapped read-only.
/// </summary>
[Collection(SerialCollection.Name)]
public class GlobalDataTests
{
    private static readonly TestRunOptions RawContext = new() { Context = new byte[8] };

    [KernelFact]
    public void Program_writes_land_in_the_mapped_page_and_match_what_a_lookup_reads()
    {
        Kernel.Require();
        using var skeleton = MappedGlobals.Load();
        var globals = skeleton.Object.Globals;
        var hits = globals.Variable<ulong>("Hits");
        Assert.True(hits.IsMapped);
        Assert.True(globals.IsMapped(".data"));

        // A ref into the page: reading it is a plain load, so what it shows after each run came without a syscall.
        ref ulong inPage = ref hits.Ref;
        Assert.Equal(0UL, inPage);
        for (ulong run = 1; run <= 3; run++)
        {
            Assert.Equal(10u, skeleton.Run.TestRun(RawContext).ReturnValue);
            Assert.Equal(run, inPage);
        }

        Assert.Equal(3UL, skeleton.Globals.Hits);
        Assert.Equal(9UL, skeleton.Globals.Product);
        Assert.Equal(new Tally { Count = 3, Last = 3 }, skeleton.Globals.Seen);
        // The kernel's own copy, read with BPF_MAP_LOOKUP_ELEM, is the same bytes.
        Assert.Equal(3UL, LookUp<ulong>(skeleton.Object, hits.Variable));
        Assert.Equal(9UL, LookUp<ulong>(skeleton.Object, globals.Variable<ulong>("Product").Variable));
    }

    [KernelFact]
    public void Mapped_reads_and_writes_make_no_bpf_syscall_where_a_lookup_makes_one()
    {
        Kernel.Require();
        using var watch = BpfSyscallWatch.Load(new BpfSyscallWatch.Skeleton.Options
        {
            Rodata = { Tgid = (uint)Environment.ProcessId, BpfSyscall = (ulong)Runtime.Interop.SyscallNumbers.Bpf },
        });
        watch.AttachAll();
        using var skeleton = MappedGlobals.Load();
        skeleton.Globals.Factor = 2; // maps the sections (mmap is not a bpf call)
        _ = skeleton.Globals.Hits + skeleton.Globals.Limit;

        ulong before = watch.Globals.Calls;
        skeleton.Run.TestRun(RawContext);
        ulong afterRun = watch.Globals.Calls;
        Assert.True(afterRun > before, "the watch counts this process's bpf calls");

        ulong sum = 0;
        for (uint i = 0; i < 1000; i++)
        {
            skeleton.Globals.Factor = i;
            sum += skeleton.Globals.Hits + skeleton.Globals.Product + skeleton.Globals.Limit + skeleton.Globals.Factor;
        }
        Assert.Equal(afterRun, watch.Globals.Calls);
        Assert.Equal(1000UL * (1 + 2 + 7) + 999 * 1000 / 2, sum);

        LookUp<ulong>(skeleton.Object, skeleton.Object.Spec.Variable("Hits"));
        Assert.True(watch.Globals.Calls > afterRun, "a lookup is a bpf call");
    }

    [KernelFact]
    public void Host_writes_through_the_mapping_are_what_the_program_reads_next()
    {
        Kernel.Require();
        using var skeleton = MappedGlobals.Load();
        skeleton.Globals.Factor = 10;
        Assert.Equal(10u, LookUp<uint>(skeleton.Object, skeleton.Object.Spec.Variable("Factor")));
        Assert.Equal(17u, skeleton.Run.TestRun(RawContext).ReturnValue);
        Assert.Equal(10UL, skeleton.Globals.Product);

        // In place, as a program would: the next run multiplies by the new factor.
        Interlocked.Add(ref skeleton.Object.Globals.Variable<uint>("Factor").Ref, 5);
        skeleton.Globals.Hits = 99;
        Assert.Equal(22u, skeleton.Run.TestRun(RawContext).ReturnValue);
        Assert.Equal(100UL, skeleton.Globals.Hits);
        Assert.Equal(1500UL, skeleton.Globals.Product);
        Assert.Equal(15u, skeleton.Globals.Seen.Last);
    }

    [KernelFact]
    public void Rodata_set_before_load_is_frozen_and_mapped_read_only()
    {
        Kernel.Require();
        using var skeleton = MappedGlobals.Load(new MappedGlobals.Skeleton.Options { Rodata = { Limit = 40 } });
        Assert.Equal(43u, skeleton.Run.TestRun(RawContext).ReturnValue);
        Assert.Equal(40u, skeleton.Globals.Limit);

        var limit = skeleton.Object.Globals.Variable<uint>("Limit");
        Assert.True(limit.IsMapped);
        Assert.True(limit.IsReadOnly);
        Assert.Equal(40u, limit.Value);
        Assert.Throws<InvalidOperationException>(() => limit.Ref);

        // The kernel itself refuses: the map is frozen, for writes and for writable mappings alike.
        var write = Assert.ThrowsAny<BpfException>(() => limit.Value = 1);
        Assert.Equal(Errno.EPERM, write.Errno);
        var rodata = skeleton.Object.Map(".rodata");
        var map = Assert.ThrowsAny<BpfException>(() => MappedMemory.Map(rodata.Fd, (nuint)Environment.SystemPageSize, writable: true, offset: 0).Dispose());
        Assert.Equal(Errno.EPERM, map.Errno);
        Assert.Equal(43u, skeleton.Run.TestRun(RawContext).ReturnValue);
    }

    [KernelFact]
    public void Bpftool_dumps_the_mapped_sections_with_the_CSharp_names()
    {
        Kernel.Require();
        Tools.Require("bpftool");
        using var skeleton = MappedGlobals.Load();
        skeleton.Globals.Factor = 4;
        skeleton.Run.TestRun(RawContext);
        skeleton.Run.TestRun(RawContext);

        string bss = Tools.Run("bpftool", "map", "dump", "id", skeleton.Object.Map(".bss").Info.Id.ToString());
        Assert.Contains("\"Hits\": 2", bss);
        Assert.Contains("\"Product\": 8", bss);
        Assert.Contains("\"Seen\"", bss);
        string data = Tools.Run("bpftool", "map", "dump", "id", skeleton.Object.Map(".data").Info.Id.ToString());
        Assert.Contains("\"Factor\": 4", data);
    }

    [KernelFact]
    public void Without_BPF_F_MMAPABLE_the_same_accessors_go_through_map_syscalls()
    {
        Kernel.Require();
        // As on a kernel that refuses the flag: the loader creates the maps without it and the process remembers.
        GlobalDataRegion.MmapableRefused = true;
        try
        {
            using var skeleton = MappedGlobals.Load();
            Assert.False(skeleton.Object.Map(".bss").Info.Flags.HasFlag(MapFlags.Mmapable));
            Assert.False(skeleton.Object.Globals.IsMapped(".bss"));
            Assert.False(skeleton.Object.Globals.Variable<uint>("Limit").IsMapped);
            Assert.Throws<InvalidOperationException>(() => skeleton.Object.Globals.Variable<ulong>("Hits").Ref);

            skeleton.Globals.Factor = 6;
            Assert.Equal(13u, skeleton.Run.TestRun(RawContext).ReturnValue);
            Assert.Equal(1UL, skeleton.Globals.Hits);
            Assert.Equal(6UL, skeleton.Globals.Product);
            Assert.Equal(7u, skeleton.Globals.Limit);
            Assert.Equal(Errno.EPERM, Assert.ThrowsAny<BpfException>(() => skeleton.Object.Globals.Write("Limit", 1u)).Errno);
        }
        finally
        {
            GlobalDataRegion.MmapableRefused = false;
        }
        using var mapped = MappedGlobals.Load();
        Assert.True(mapped.Object.Map(".bss").Info.Flags.HasFlag(MapFlags.Mmapable));
    }

    [KernelFact]
    public void Dispose_unmaps_the_pages_and_later_access_throws()
    {
        Kernel.Require();
        int before = BpfMappings();
        var skeleton = MappedGlobals.Load();
        var hits = skeleton.Object.Globals.Variable<ulong>("Hits");
        _ = skeleton.Globals.Hits + skeleton.Globals.Limit + skeleton.Globals.Factor;
        Assert.Equal(before + 3, BpfMappings());
        skeleton.Dispose();
        Assert.Equal(before, BpfMappings());
        Assert.Throws<ObjectDisposedException>(() => hits.Value);
        Assert.Throws<ObjectDisposedException>(() => skeleton.Globals.Factor);
    }

    /// <summary>Mappings of BPF maps in this process (ring buffers, global data), from /proc/self/maps.</summary>
    internal static int BpfMappings() => File.ReadLines("/proc/self/maps").Count(line => line.EndsWith("anon_inode:bpf-map", StringComparison.Ordinal));

    private static T LookUp<T>(BpfObject obj, GlobalVariable variable)
        where T : unmanaged
    {
        var section = obj.Map(variable.Section);
        var value = new byte[section.ValueSize];
        Assert.True(section.TryLookup(new byte[4], value));
        return System.Runtime.InteropServices.MemoryMarshal.Read<T>(value.AsSpan(variable.Offset));
    }
}
