using System.Runtime.InteropServices;

namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>Every map kind created from the API and exercised against the real kernel.</summary>
public sealed class MapKindTests
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Ipv4Key
    {
        public uint PrefixLength;
        public uint Address; // network byte order as bytes in memory

        public static Ipv4Key Of(string cidr)
        {
            var parts = cidr.Split('/');
            var bytes = System.Net.IPAddress.Parse(parts[0]).GetAddressBytes();
            return new Ipv4Key { PrefixLength = uint.Parse(parts[1]), Address = BitConverter.ToUInt32(bytes) };
        }
    }

    [KernelFact]
    public void Hash_map_update_lookup_delete_and_iterate()
    {
        Kernel.Require();
        using var map = BpfHashMap<uint, ulong>.Create(64, "t_hash");
        for (uint i = 0; i < 10; i++)
            map.Update(i, i * 100);
        Assert.Equal(500UL, map.Lookup(5));
        Assert.True(map.Delete(5));
        Assert.False(map.Delete(5));
        Assert.False(map.TryGetValue(5, out _));
        Assert.Throws<KeyNotFoundException>(() => map.Lookup(5));
        Assert.Equal(new uint[] { 0, 1, 2, 3, 4, 6, 7, 8, 9 }, map.Keys.Order());
        Assert.Equal(Enumerable.Range(0, 10).Where(i => i != 5).Sum(i => i * 100L), map.Sum(p => (long)p.Value));
        Assert.Equal(MapType.Hash, map.Map.Info.Type);
        Assert.Equal("t_hash", map.Map.Info.Name);
    }

    [KernelFact]
    public void Update_flags_follow_the_kernel_semantics()
    {
        Kernel.Require();
        using var map = BpfHashMap<uint, ulong>.Create(2);
        map.Update(1, 10, MapUpdateFlags.NoExist);
        var exists = Assert.Throws<BpfException>(() => map.Update(1, 11, MapUpdateFlags.NoExist));
        Assert.Equal(17, exists.Errno);
        Assert.Equal("EEXIST", exists.ErrnoName);
        var missing = Assert.Throws<BpfException>(() => map.Update(2, 20, MapUpdateFlags.Exist));
        Assert.Equal("ENOENT", missing.ErrnoName);
        map.Update(1, 12, MapUpdateFlags.Exist);
        Assert.Equal(12UL, map.Lookup(1));
        map.Update(2, 20);
        var full = Assert.Throws<BpfException>(() => map.Update(3, 30));
        Assert.Equal("E2BIG", full.ErrnoName);
    }

    [KernelFact]
    public void Lru_hash_evicts_instead_of_failing()
    {
        Kernel.Require();
        using var map = BpfLruHashMap<uint, uint>.Create(128);
        for (uint i = 0; i < 1000; i++)
            map.Update(i, i);
        int count = map.Keys.Count();
        Assert.InRange(count, 1, 128);
        Assert.Equal(999u, map.Lookup(999));
    }

    [KernelFact]
    public void Array_map_indexes_and_rejects_delete()
    {
        Kernel.Require();
        using var array = BpfArrayMap<long>.Create(8, "t_array");
        array[3] = -42;
        Assert.Equal(-42, array[3]);
        Assert.Equal(0, array[4]);
        Assert.Equal(new long[] { 0, 0, 0, -42, 0, 0, 0, 0 }, array.ToArray());
        Assert.Equal(8, array.Keys.Count());
        Assert.Throws<KeyNotFoundException>(() => array[8]);
        Assert.Equal("EINVAL", Assert.Throws<BpfException>(() => array.Delete(3)).ErrnoName);
    }

    [KernelFact]
    public void Per_cpu_maps_hold_one_value_per_possible_cpu_and_sum()
    {
        Kernel.Require();
        int cpus = PossibleCpus.Count;
        using var hash = BpfPerCpuHashMap<uint, uint>.Create(16);
        var values = Enumerable.Range(1, cpus).Select(i => (uint)i).ToArray();
        hash.Update(7, values);
        Assert.Equal(values, hash.Lookup(7));
        Assert.Equal((uint)(cpus * (cpus + 1) / 2), hash.Sum(7u));

        using var array = BpfPerCpuArrayMap<ulong>.Create(4);
        array.UpdateAll(2, 5);
        Assert.Equal(Enumerable.Repeat(5UL, cpus), array[2]);
        Assert.Equal(5UL * (ulong)cpus, array.Sum(2u));
        Assert.Equal(4, array.LookupBatch().Count);

        using var lru = BpfLruPerCpuHashMap<uint, ulong>.Create(16);
        lru.UpdateAll(1, 3);
        Assert.Equal(3UL * (ulong)cpus, lru.Sum(1u));
    }

    [KernelFact]
    public void Lpm_trie_returns_the_longest_matching_prefix()
    {
        Kernel.Require();
        using var trie = BpfLpmTrieMap<Ipv4Key, uint>.Create(16);
        Assert.True(trie.Map.Spec.Flags.HasFlag(MapFlags.NoPrealloc));
        trie.Update(Ipv4Key.Of("10.0.0.0/8"), 8);
        trie.Update(Ipv4Key.Of("10.1.0.0/16"), 16);
        trie.Update(Ipv4Key.Of("10.1.2.0/24"), 24);
        Assert.Equal(24u, trie.Lookup(Ipv4Key.Of("10.1.2.3/32")));
        Assert.Equal(16u, trie.Lookup(Ipv4Key.Of("10.1.3.3/32")));
        Assert.Equal(8u, trie.Lookup(Ipv4Key.Of("10.200.0.1/32")));
        Assert.False(trie.TryGetValue(Ipv4Key.Of("11.0.0.1/32"), out _));
        Assert.Equal(3, trie.Keys.Count());
        Assert.Equal(3, trie.LookupBatch().Count);
    }

    [KernelFact]
    public void Queue_is_fifo_and_stack_is_lifo()
    {
        Kernel.Require();
        using var queue = BpfQueueMap<ulong>.Create(4);
        using var stack = BpfStackMap<ulong>.Create(4);
        for (ulong i = 1; i <= 3; i++)
        {
            queue.Push(i);
            stack.Push(i);
        }
        Assert.True(queue.TryPeek(out var head));
        Assert.Equal(1UL, head);
        Assert.True(stack.TryPeek(out var top));
        Assert.Equal(3UL, top);
        var popped = new List<ulong>();
        while (queue.TryPop(out var v))
            popped.Add(v);
        Assert.Equal([1UL, 2, 3], popped);
        popped.Clear();
        while (stack.TryPop(out var v))
            popped.Add(v);
        Assert.Equal([3UL, 2, 1], popped);
        Assert.False(queue.TryPop(out _));
    }

    [KernelFact]
    public void Bloom_filter_contains_what_was_pushed()
    {
        Kernel.Require();
        using var bloom = BpfBloomFilterMap<ulong>.Create(1000, hashCount: 3);
        for (ulong i = 0; i < 100; i++)
            bloom.Push(i * 7919);
        for (ulong i = 0; i < 100; i++)
            Assert.True(bloom.Contains(i * 7919));
        int falsePositives = Enumerable.Range(1, 1000).Count(i => bloom.Contains((ulong)i * 7919 + 1));
        Assert.True(falsePositives < 100, $"{falsePositives} false positives out of 1000");
        Assert.Equal(3UL, bloom.Map.Info.MapExtra);
    }

    [KernelFact]
    public void Program_array_slots_hold_programs()
    {
        Kernel.Require();
        using var array = BpfProgramArray.Create(4);
        using var program = BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.Return(0));
        array.Set(2, program);
        Assert.Equal(program.Info.Id, array.ProgramId(2));
        Assert.Null(array.ProgramId(1));
        Assert.True(array.Clear(2));
        Assert.Null(array.ProgramId(2));
    }

    [KernelFact]
    public void Stack_trace_map_starts_empty()
    {
        Kernel.Require();
        using var stacks = BpfStackTraceMap.Create(16, maxDepth: 32);
        Assert.Equal(32, stacks.MaxDepth);
        Assert.Empty(stacks.StackIds);
        Assert.Null(stacks.Frames(0));
    }

    [KernelFact]
    public void Views_reject_maps_of_other_shapes()
    {
        Kernel.Require();
        using var map = BpfHashMap<uint, ulong>.Create(4);
        Assert.Throws<ArgumentException>(() => new BpfHashMap<ulong, ulong>(map.Map));
        Assert.Throws<ArgumentException>(() => new BpfArrayMap<ulong>(map.Map));
    }

    [Fact]
    public void Cpu_lists_parse_like_sysfs_writes_them()
    {
        Assert.Equal([0, 1, 2, 3, 8, 10, 11], PossibleCpus.Parse("0-3,8,10-11\n"));
        Assert.Equal([0], PossibleCpus.Parse("0"));
    }
}
