using System.Runtime.InteropServices;

namespace BpfSharp.Tests.Maps;

/// <summary>The in-memory twins behave as the kernel's maps do: errno results, flags, eviction, matching, per-CPU values.</summary>
public unsafe class ClrTwinTests
{
    [StructLayout(LayoutKind.Sequential)]
    public struct Ip4Key
    {
        public uint PrefixLength;
        public byte A, B, C, D;

        public Ip4Key(uint prefix, byte a, byte b, byte c, byte d) => (PrefixLength, A, B, C, D) = (prefix, a, b, c, d);
    }

    public struct Sample
    {
        public uint Pid;
        public ulong Time;
    }

    [Fact]
    public void Hash_update_flags_and_errors_follow_the_kernel()
    {
        var map = new HashMap<uint, ulong>(2);
        Assert.Equal(-2, map.Update(1, 10, UpdateFlags.Exist));           // ENOENT: absent
        Assert.Equal(0, map.Update(1, 10, UpdateFlags.NoExist));
        Assert.Equal(-17, map.Update(1, 11, UpdateFlags.NoExist));        // EEXIST
        Assert.Equal(0, map.Update(1, 12, UpdateFlags.Exist));
        Assert.Equal(0, map.Update(2, 20));
        Assert.Equal(-7, map.Update(3, 30));                              // E2BIG: full
        Assert.Equal(12UL, *map.Lookup(1));
        Assert.Equal(0, map.Delete(1));
        Assert.Equal(-2, map.Delete(1));
        Assert.True(map.Lookup(1) == null);
        Assert.False(map.TryLookup(1, out var missing));
        Assert.Equal(0UL, missing);
        Assert.True(map.TryLookup(2, out var found));
        Assert.Equal(20UL, found);
    }

    [Fact]
    public void Lookup_pointer_writes_through_and_stays_valid_until_delete()
    {
        var map = new HashMap<uint, ulong>(16);
        map.Update(5, 1);
        ulong* value = map.Lookup(5);
        for (int i = 0; i < 10; i++)
            map.Update((uint)(100 + i), (ulong)i); // other inserts do not move it
        *value += 41;
        Bpf.AtomicAdd(value, 100);
        Assert.Equal(142UL, *map.Lookup(5));
        Assert.True(value == map.Lookup(5));
    }

    [Fact]
    public void Lru_hash_evicts_the_least_recently_used()
    {
        var map = new LruHashMap<uint, uint>(3);
        map.Update(1, 1);
        map.Update(2, 2);
        map.Update(3, 3);
        _ = map.Lookup(1);             // 2 is now the oldest use
        Assert.Equal(0, map.Update(4, 4));
        Assert.True(map.Lookup(2) == null);
        Assert.Equal(new uint[] { 1, 3, 4 }, map.Keys.Order());
    }

    [Fact]
    public void Per_cpu_hash_keeps_one_value_per_cpu()
    {
        int cpus = BpfClr.CpuCount;
        try
        {
            BpfClr.CpuCount = 4;
            var map = new PerCpuHashMap<uint, ulong>(8);
            BpfClr.CurrentCpu = 1;
            map.Update(9, 5);
            BpfClr.CurrentCpu = 3;
            Assert.Equal(0UL, *map.Lookup(9)); // created by CPU 1: zero elsewhere
            *map.Lookup(9) = 7;
            Assert.Equal(new ulong[] { 0, 5, 0, 7 }, map.ValuesOf(9));
        }
        finally
        {
            BpfClr.CurrentCpu = 0;
            BpfClr.CpuCount = cpus;
        }
    }

    [Fact]
    public void Lru_per_cpu_hash_evicts_and_keeps_per_cpu_values()
    {
        var map = new LruPerCpuHashMap<uint, uint>(1);
        map.Update(1, 1);
        map.Update(2, 2);
        Assert.Null(map.ValuesOf(1));
        Assert.Equal(2u, map.ValuesOf(2)![0]);
    }

    [Fact]
    public void Arrays_are_preallocated_zeroed_and_cannot_delete()
    {
        var map = new ArrayMap<Sample>(4);
        Assert.Equal(0u, map.Lookup(3)->Pid);
        Assert.True(map.Lookup(4) == null);
        Assert.Equal(-17, map.Update(0, new Sample { Pid = 1 }, UpdateFlags.NoExist));
        Assert.Equal(0, map.Update(0, new Sample { Pid = 1, Time = 2 }));
        Assert.Equal(-7, map.Update(4, default));
        Assert.Equal(-22, map.Delete(0));
        Assert.Equal(2UL, map.Lookup(0)->Time);
    }

    [Fact]
    public void Per_cpu_array_separates_cpus()
    {
        var map = new PerCpuArrayMap<ulong>(2);
        BpfClr.CurrentCpu = 0;
        *map.Lookup(1) = 3;
        if (BpfClr.CpuCount > 1)
        {
            BpfClr.CurrentCpu = 1;
            Assert.Equal(0UL, *map.Lookup(1));
            BpfClr.CurrentCpu = 0;
        }
        Assert.Equal(3UL, map.ValuesOf(1)[0]);
    }

    [Fact]
    public void Lpm_trie_finds_the_longest_matching_prefix()
    {
        var routes = new LpmTrieMap<Ip4Key, uint>(16);
        Assert.Equal(MapFlags.NoPrealloc, routes.Flags);
        routes.Update(new Ip4Key(8, 10, 0, 0, 0), 8);
        routes.Update(new Ip4Key(16, 10, 1, 99, 99), 16); // stored masked to 10.1.0.0/16
        routes.Update(new Ip4Key(24, 10, 1, 2, 0), 24);

        Assert.Equal(24u, *routes.Lookup(new Ip4Key(32, 10, 1, 2, 3)));
        Assert.Equal(16u, *routes.Lookup(new Ip4Key(32, 10, 1, 3, 3)));
        Assert.Equal(8u, *routes.Lookup(new Ip4Key(32, 10, 200, 3, 3)));
        Assert.Equal(16u, *routes.Lookup(new Ip4Key(20, 10, 1, 2, 3)));  // the key's own prefix caps the match
        Assert.True(routes.Lookup(new Ip4Key(32, 11, 0, 0, 0)) == null);
        Assert.Equal(-22, routes.Update(new Ip4Key(33, 1, 1, 1, 1), 0));
        Assert.Equal(0, routes.Delete(new Ip4Key(16, 10, 1, 0, 0)));
        Assert.Equal(8u, *routes.Lookup(new Ip4Key(32, 10, 1, 3, 3)));
    }

    [Fact]
    public void Ring_buffer_records_submitted_and_output_but_not_discarded()
    {
        var ring = new RingBuffer(4096);
        Sample* a = ring.Reserve<Sample>();
        a->Pid = 1;
        ring.Submit(a);
        Sample* b = ring.Reserve<Sample>();
        b->Pid = 2;
        ring.Discard(b);
        Assert.Equal(0, ring.Output(new Sample { Pid = 3 }));

        Assert.Equal(2, ring.Records.Count);
        Assert.True(ring.TryRead(out Sample first));
        Assert.True(ring.TryRead(out Sample second));
        Assert.Equal((1u, 3u), (first.Pid, second.Pid));
        Assert.False(ring.TryRead(out Sample _));
    }

    [Fact]
    public void Ring_buffer_refuses_records_when_full_and_frees_space_on_read()
    {
        var ring = new RingBuffer(4096);
        int accepted = 0;
        while (ring.Reserve<Sample>() is var p && p != null)
        {
            ring.Submit(p);
            accepted++;
        }
        Assert.Equal(4096 / (8 + 16), accepted); // 8-byte header + 16-byte record each
        Assert.Equal(-11, ring.Output(new Sample()));
        Assert.True(ring.TryRead(out Sample _));
        Assert.Equal(0, ring.Output(new Sample()));
    }

    [Fact]
    public void Perf_event_array_writes_to_the_current_or_a_given_cpu()
    {
        var perf = new PerfEventArray();
        BpfClr.CurrentCpu = 0;
        Assert.Equal(0, perf.Output(0, new Sample { Pid = 4 }));
        Assert.Equal(0, perf.Output(0, 7UL, flags: 0));
        Assert.Equal(-22, perf.Output(0, 7UL, flags: (ulong)BpfClr.CpuCount));
        Assert.Equal(2, perf.Samples.Count);
        Assert.Equal(16, perf.Samples[0].Data.Length);
    }

    private static readonly ProgramArray s_jumps = new(4);

    private static int Entry(int x)
    {
        s_jumps.TailCall(x, 1);
        return -1; // reached only when slot 1 is empty
    }

    [Fact]
    public void Tail_call_runs_the_registered_program_and_never_returns()
    {
        Assert.Equal(-1, BpfClr.Run<int>(Entry, 5));
        s_jumps.Set<int>(1, x => x * 10);
        Assert.Equal(50, BpfClr.Run<int>(Entry, 5));
        s_jumps.Clear(1);
        Assert.Equal(-2, s_jumps.TailCall(5, 1));
    }

    [Fact]
    public void Stack_trace_ids_are_stable_per_stack()
    {
        var stacks = new StackTraceMap(8);
        long Here() => stacks.GetStackId(0);
        long a = Here(), b = Here();
        long c = stacks.GetStackId(0);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Contains(stacks.Frames(a), f => f.Contains("Stack_trace_ids_are_stable_per_stack"));
    }

    [Fact]
    public void Queue_is_fifo_stack_is_lifo_and_exist_overwrites_the_oldest()
    {
        var queue = new QueueMap<uint>(2);
        var stack = new StackMap<uint>(2);
        foreach (var m in new ContainerMap<uint>[] { queue, stack })
        {
            Assert.Equal(-2, m.Pop(out _));
            m.Push(1);
            m.Push(2);
            Assert.Equal(-7, m.Push(3));
            Assert.Equal(0, m.Push(3, UpdateFlags.Exist)); // drops 1
        }
        Assert.Equal(0, queue.Peek(out var head));
        Assert.Equal(2u, head);
        queue.Pop(out var q1);
        queue.Pop(out var q2);
        stack.Pop(out var s1);
        stack.Pop(out var s2);
        Assert.Equal((2u, 3u, 3u, 2u), (q1, q2, s1, s2));
    }

    [Fact]
    public void Bloom_filter_never_denies_an_added_value()
    {
        var bloom = new BloomFilterMap<ulong>(100, hashes: 3);
        bloom.Push(42);
        Assert.Equal(0, bloom.Peek(42));
        Assert.Equal(-2, bloom.Peek(43));
        Assert.Equal(-22, bloom.Push(1, UpdateFlags.NoExist));
    }

    [Fact]
    public void Atomic_add_through_ref_and_pointer()
    {
        ulong x = 1;
        Bpf.AtomicAdd(ref x, 2);
        Bpf.AtomicAdd(&x, 3);
        uint y = 1;
        Bpf.AtomicAdd(ref y, uint.MaxValue); // wraps like the 32-bit atomic
        Assert.Equal((6UL, 0u), (x, y));
    }
}
