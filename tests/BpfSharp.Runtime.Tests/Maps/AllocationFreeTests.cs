namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>
/// The host's element paths allocate nothing per call: the attr lives on the stack, keys and values cross as
/// pointers to the caller's memory, and per-CPU values are read into a span (in place when the slots have the
/// value's layout, else through a stack buffer).
/// </summary>
public class AllocationFreeTests
{
    private const int Calls = 1000;

    [KernelFact]
    public void Typed_lookups_and_updates_allocate_nothing()
    {
        Kernel.Require();
        using var array = BpfArrayMap<ulong>.Create(8);
        using var hash = BpfHashMap<uint, ulong>.Create(8);
        Exercise(array, hash, 10); // JIT and first-use statics are not per-call costs
        long before = GC.GetAllocatedBytesForCurrentThread();
        Exercise(array, hash, Calls);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal((ulong)Calls - 1, hash.Lookup(7));
    }

    [KernelFact]
    public void Per_cpu_reads_into_a_span_and_sums_allocate_nothing_for_padded_and_unpadded_values()
    {
        Kernel.Require();
        int cpus = PossibleCpus.Count;
        using var wide = BpfPerCpuArrayMap<ulong>.Create(4);   // 8-byte values: the kernel's slots are a ulong[]
        using var narrow = BpfPerCpuHashMap<uint, uint>.Create(4); // 4-byte values in 8-byte slots
        var wideValues = Enumerable.Range(1, cpus).Select(i => (ulong)i * 10).ToArray();
        var narrowValues = Enumerable.Range(1, cpus).Select(i => (uint)i).ToArray();
        wide.Update(1, wideValues);
        narrow.Update(2, narrowValues);
        Span<ulong> wideRead = stackalloc ulong[cpus];
        Span<uint> narrowRead = stackalloc uint[cpus];

        Read(wide, narrow, wideRead, narrowRead, 10);
        long before = GC.GetAllocatedBytesForCurrentThread();
        ulong sums = Read(wide, narrow, wideRead, narrowRead, Calls);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        Assert.Equal(wideValues, wideRead.ToArray());
        Assert.Equal(narrowValues, narrowRead.ToArray());
        ulong perCall = (ulong)wideValues.Sum(v => (long)v) + (ulong)narrowValues.Sum(v => (long)v);
        Assert.Equal((ulong)Calls * perCall, sums);
        Assert.False(narrow.TryGetValue(9, narrowRead));
    }

    [KernelFact]
    public void Batch_lookup_into_spans_reads_every_element_and_allocates_nothing()
    {
        Kernel.Require();
        const int entries = 3000;
        using var hash = BpfHashMap<uint, ulong>.Create(entries);
        var keys = Enumerable.Range(0, entries).Select(i => (uint)i).ToArray();
        hash.UpdateBatch(keys, keys.Select(k => (ulong)k * 3).ToArray());
        var readKeys = new uint[entries + 1];
        var readValues = new ulong[entries + 1];

        Assert.Equal(entries, hash.LookupBatch(readKeys, readValues, batchSize: 256));
        long before = GC.GetAllocatedBytesForCurrentThread();
        int read = hash.LookupBatch(readKeys, readValues, batchSize: 256);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        Assert.Equal(entries, read);
        Assert.Equal(keys, readKeys[..read].Order());
        for (int i = 0; i < read; i++)
            Assert.Equal((ulong)readKeys[i] * 3, readValues[i]);
        // Spans smaller than the map stop when full, or when the next hash bucket would not fit whole.
        int partial = hash.LookupBatch(readKeys.AsSpan(0, 100), readValues, batchSize: 64);
        Assert.InRange(partial, 90, 100);
        for (int i = 0; i < partial; i++)
            Assert.Equal((ulong)readKeys[i] * 3, readValues[i]);
        // The list form and the enumerator see the same elements.
        Assert.Equal(entries, hash.LookupBatch(batchSize: 128).Count);
        Assert.Equal(entries, hash.Count(pair => pair.Value == (ulong)pair.Key * 3));
    }

    private static void Exercise(BpfArrayMap<ulong> array, BpfHashMap<uint, ulong> hash, int calls)
    {
        for (int i = 0; i < calls; i++)
        {
            array.Update((uint)i & 7, (ulong)i);
            hash.Update((uint)i & 7, (ulong)i);
            Assert.True(array.TryGetValue((uint)i & 7, out var a) && a == (ulong)i);
            Assert.True(hash.TryGetValue((uint)i & 7, out var h) && h == (ulong)i);
        }
    }

    private static ulong Read(BpfPerCpuArrayMap<ulong> wide, BpfPerCpuHashMap<uint, uint> narrow, Span<ulong> wideRead, Span<uint> narrowRead, int calls)
    {
        ulong sums = 0;
        for (int i = 0; i < calls; i++)
        {
            Assert.True(wide.TryGetValue(1, wideRead));
            Assert.True(narrow.TryGetValue(2, narrowRead));
            sums += wide.Sum(1u) + narrow.Sum(2u);
        }
        return sums;
    }
}
