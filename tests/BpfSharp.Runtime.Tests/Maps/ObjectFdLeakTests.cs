using System.Diagnostics;

namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>Loading and disposing an object with maps, BTF and global data leaves no descriptor behind.</summary>
[Collection(SerialCollection.Name)]
public sealed class ObjectFdLeakTests
{
    [KernelFact]
    public void Ten_thousand_loads_and_disposes_return_the_fd_count_to_where_it_started()
    {
        Kernel.Require();
        var spec = Runtime.Objects.ObjectSpec.Parse(ClangObjects.Compile("globals"));
        using (BpfObject.Load(spec))
        {
            // Warm up: first-use allocations (JIT, lazy statics) should not count as leaks.
        }
        int before = Descriptors.CountAll(), kernelBefore = KernelObjects();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 10_000; i++)
        {
            using var obj = BpfObject.Load(spec);
        }
        clock.Stop();
        // The runtime itself may close files it had open (so the total can drop), but must never grow it; the
        // descriptors of kernel objects (maps, programs, BTF) must be exactly as before.
        Assert.InRange(Descriptors.CountAll(), 0, before);
        Assert.Equal(kernelBefore, KernelObjects());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"10,000 loads took {clock.Elapsed}");
    }

    [KernelFact]
    public void A_failed_load_closes_what_it_created()
    {
        Kernel.Require();
        var elf = ClangObjects.Compile("hash_counter");
        using (BpfObject.Load(elf))
        {
        }
        int before = KernelObjects();
        // The second map's size is invalid, so the first map and the BTF are already open when creation fails.
        Assert.ThrowsAny<BpfException>(() => BpfObject.Load(elf, new BpfLoadOptions { MaxEntries = new Dictionary<string, uint> { ["runs"] = 0 } }));
        Assert.Equal(before, KernelObjects());
    }

    /// <summary>Open map, program, link and BTF descriptors (anon inodes "bpf-map", "bpf-prog", "bpf_link", "btf").</summary>
    private static int KernelObjects() => Directory.GetFiles("/proc/self/fd").Count(fd =>
    {
        try
        {
            return new FileInfo(fd).LinkTarget is { } target && (target.StartsWith("anon_inode:bpf", StringComparison.Ordinal) || target == "anon_inode:btf");
        }
        catch (IOException)
        {
            return false;
        }
    });
}
