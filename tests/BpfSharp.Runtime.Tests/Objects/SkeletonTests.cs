using System.Diagnostics;

namespace BpfSharp.Runtime.Tests.Objects;

/// <summary>The generated skeleton of <see cref="SkeletonCounter"/> in the real kernel: typed options, maps and globals.</summary>
[Collection(SerialCollection.Name)]
public class SkeletonTests
{
    private static readonly TestRunOptions RawContext = new() { Context = new byte[8] };

    [KernelFact]
    public void Rodata_set_through_typed_options_and_globals_read_back_after_test_runs()
    {
        Kernel.Require();
        using var counter = SkeletonCounter.Load(new SkeletonCounter.Skeleton.Options
        {
            Rodata = { Step = 5 },
            MaxEntries = { Counts = 4 },
        });

        for (int i = 0; i < 3; i++)
            Assert.Equal(5u, counter.Count.TestRun(RawContext).ReturnValue);

        Assert.Equal(5u, counter.Globals.Step);
        Assert.Equal(15UL, counter.Globals.Total);
        Assert.Equal(3u, counter.Globals.Runs);
        Assert.Equal(3UL, counter.Counts.Lookup(5));
        Assert.Equal(4u, counter.Counts.Map.MaxEntries);

        counter.Globals.Total = 100;
        counter.Count.TestRun(RawContext);
        Assert.Equal(105UL, counter.Globals.Total);

        using var reader = counter.OpenEventsReader();
        var totals = new List<ulong>();
        reader.Consume(record =>
        {
            var e = RingBufferReader<StepEvent>.Decode(record);
            Assert.Equal(5u, e.Step);
            totals.Add(e.Total);
            return true;
        });
        Assert.Equal(new ulong[] { 5, 10, 15, 105 }, totals);
    }

    [KernelFact]
    public void Mutable_globals_start_from_the_typed_options()
    {
        Kernel.Require();
        using var counter = SkeletonCounter.Load(new SkeletonCounter.Skeleton.Options { Data = { Total = 50, Runs = 7 } });
        counter.Count.TestRun(RawContext);
        Assert.Equal(51UL, counter.Globals.Total);
        Assert.Equal(8u, counter.Globals.Runs);
    }

    [KernelFact]
    public void Defaults_are_the_declared_values()
    {
        Kernel.Require();
        using var counter = SkeletonCounter.Load();
        Assert.Equal(1u, counter.Count.TestRun(RawContext).ReturnValue);
        Assert.Equal(1u, counter.Globals.Step);
        Assert.Equal(1UL, counter.Globals.Total);
        Assert.Equal(8u, counter.Counts.Map.MaxEntries);
        Assert.Equal(1u, new SkeletonCounter.Skeleton.Options().Rodata.Step);
    }

    [KernelFact]
    public void AttachAll_attaches_and_dispose_detaches()
    {
        Kernel.Require();
        int before = Descriptors.CountBpf();
        using (var counter = SkeletonCounter.Load())
        {
            counter.AttachAll();
            // Any syscall enters sys_enter; this thread makes some.
            for (int i = 0; i < 100 && counter.Globals.Runs == 0; i++)
                Thread.Sleep(1);
            Assert.True(counter.Globals.Runs > 0);
        }
        Assert.Equal(before, Descriptors.CountBpf());
    }

    [KernelFact]
    public void Ten_thousand_skeleton_loads_and_disposes_leave_the_fd_and_mapping_counts_where_they_started()
    {
        Kernel.Require();
        using (var warm = SkeletonCounter.Load())
        {
            // Warm up: first-use allocations (JIT, lazy statics, /proc reads) are not leaks.
            _ = warm.Globals.Total + warm.Globals.Step;
        }
        var openBefore = NonAssemblyFiles();
        int bpfBefore = Descriptors.CountBpf();
        int mappingsBefore = GlobalDataTests.BpfMappings();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 10_000; i++)
        {
            using var counter = SkeletonCounter.Load();
            // Touching the globals maps .data, .bss and .rodata; Dispose must unmap them.
            counter.Globals.Total = (ulong)i;
            Assert.Equal((ulong)i, counter.Globals.Total);
            Assert.Equal(1u, counter.Globals.Step);
        }
        clock.Stop();
        Assert.Equal(bpfBefore, Descriptors.CountBpf());
        Assert.Equal(mappingsBefore, GlobalDataTests.BpfMappings());
        // The CLR keeps an assembly's file open from its first use for the life of the process (here the test
        // host loads one mid-loop); every other descriptor must be back to exactly where it was.
        var openAfter = NonAssemblyFiles();
        Assert.True(openAfter.Count <= openBefore.Count, "New descriptors: " + string.Join(", ", openAfter.Except(openBefore)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"10,000 skeleton loads took {clock.Elapsed}");
    }

    /// <summary>This process's descriptors as "fd -> target", without the assembly files the CLR holds open.</summary>
    private static List<string> NonAssemblyFiles() => Directory.GetFiles("/proc/self/fd")
        .Select(fd => { try { return fd + " -> " + new FileInfo(fd).LinkTarget; } catch (IOException) { return fd; } })
        .Where(f => !f.EndsWith(".dll", StringComparison.Ordinal))
        .ToList();
}
