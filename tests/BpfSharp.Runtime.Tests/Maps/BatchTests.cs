namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>Batch operations give the same contents as one element at a time, including where the kernel has no batch support.</summary>
public sealed class BatchTests
{
    private const int Count = 1000;

    [KernelFact]
    public void Hash_batch_and_one_by_one_agree_at_1k_entries()
    {
        Kernel.Require();
        using var batched = BpfHashMap<uint, ulong>.Create(Count);
        using var single = BpfHashMap<uint, ulong>.Create(Count);
        var keys = Enumerable.Range(0, Count).Select(i => (uint)(i * 7 + 3)).ToArray();
        var values = keys.Select(k => (ulong)k * k).ToArray();

        Assert.Equal(Count, batched.UpdateBatch(keys, values));
        for (int i = 0; i < Count; i++)
            single.Update(keys[i], values[i]);

        var viaBatch = batched.LookupBatch(batchSize: 64).OrderBy(p => p.Key).ToList();
        var viaIteration = single.OrderBy(p => p.Key).ToList();
        Assert.Equal(Count, viaBatch.Count);
        Assert.Equal(viaIteration, viaBatch);

        Assert.Equal(Count / 2, batched.DeleteBatch(keys.AsSpan(0, Count / 2)));
        Assert.Equal(keys.Skip(Count / 2).Order(), batched.Keys.Order());
    }

    [KernelFact]
    public void Lookup_and_delete_batch_empties_the_map()
    {
        Kernel.Require();
        using var map = BpfHashMap<uint, uint>.Create(Count);
        var keys = Enumerable.Range(0, Count).Select(i => (uint)i).ToArray();
        map.UpdateBatch(keys, keys);
        var taken = map.LookupBatch(batchSize: 100, delete: true);
        Assert.Equal(keys, taken.Select(p => p.Key).Order());
        Assert.Empty(map.Keys);
    }

    [KernelFact]
    public void Array_and_per_cpu_batches_agree_with_lookups()
    {
        Kernel.Require();
        using var array = BpfArrayMap<uint>.Create(Count);
        var indexes = Enumerable.Range(0, Count).Select(i => (uint)i).ToArray();
        array.UpdateBatch(indexes, indexes.Select(i => i + 1).ToArray());
        Assert.Equal(indexes.Select(i => array[i]), array.ToArray());

        using var perCpu = BpfPerCpuHashMap<uint, ulong>.Create(64);
        for (uint i = 0; i < 64; i++)
            perCpu.UpdateAll(i, i);
        var batch = perCpu.LookupBatch(batchSize: 16).OrderBy(p => p.Key).ToList();
        Assert.Equal(64, batch.Count);
        Assert.All(batch, p => Assert.Equal(p.Value, perCpu.Lookup(p.Key)));
    }

    [KernelFact]
    public void Lpm_trie_falls_back_to_one_by_one()
    {
        Kernel.Require();
        using var trie = BpfLpmTrieMap<Key, uint>.Create(16);
        trie.UpdateBatch([new Key { Prefix = 8, Byte0 = 10 }, new Key { Prefix = 16, Byte0 = 10, Byte1 = 1 }], [8u, 16u]);
        Assert.Equal(2, trie.LookupBatch().Count);
        Assert.Equal(2, trie.DeleteBatch([new Key { Prefix = 8, Byte0 = 10 }, new Key { Prefix = 16, Byte0 = 10, Byte1 = 1 }]));
        Assert.Empty(trie.Keys);
    }

    private struct Key
    {
        public uint Prefix;
        public byte Byte0, Byte1;
#pragma warning disable CS0649 // padding the key to the IPv4 width
        public ushort Rest;
#pragma warning restore CS0649
    }
}
