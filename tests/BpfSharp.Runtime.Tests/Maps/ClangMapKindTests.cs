using BpfSharp.Runtime.Objects;
using BpfSharp.Runtime.Tests.Maps.Kinds;

namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>
/// The libbpf conventions a few map kinds need beyond key, value and size: a bloom filter's hash count in map_extra,
/// and a map of maps' inner template in <c>__array(values, ...)</c> — read from clang's objects and from ours.
/// </summary>
public sealed class ClangMapKindTests
{
    private static readonly byte[] Packet = new byte[64];

    [Fact]
    public void Spec_reads_map_extra_from_clang_and_from_our_objects()
    {
        var clang = ObjectSpec.Parse(ClangObjects.Compile("bloom_extra")).Maps.Single(m => m.Name == "seen");
        Assert.Equal((MapType.BloomFilter, 0u, 4u, 64u, 3UL), (clang.Type, clang.KeySize, clang.ValueSize, clang.MaxEntries, clang.MapExtra));
        var ours = ObjectSpec.Parse(BloomFilterPrograms.BpfObjectBytes.ToArray()).Maps.Single(m => m.Name == "Seen");
        Assert.Equal((MapType.BloomFilter, 8u, 1000u, (ulong)BloomFilterPrograms.Hashes), (ours.Type, ours.ValueSize, ours.MaxEntries, ours.MapExtra));
    }

    [KernelFact]
    public void Clang_bloom_filter_is_created_with_its_hash_count()
    {
        Kernel.Require();
        using var obj = BpfObject.Load(ClangObjects.Compile("bloom_extra"));
        Assert.Equal(3UL, obj.Map("seen").Info.MapExtra);
        var check = obj.Program("check");
        Assert.Equal((uint)XdpAction.Drop, check.TestRun(new TestRunOptions { Data = Packet }).ReturnValue);
        new BpfBloomFilterMap<uint>(obj.Map("seen")).Push(42);
        Assert.Equal((uint)XdpAction.Pass, check.TestRun(new TestRunOptions { Data = Packet }).ReturnValue);
    }

    [Fact]
    public void Spec_reads_the_inner_template_and_initial_slots_of_maps_of_maps()
    {
        var spec = ObjectSpec.Parse(ClangObjects.Compile("map_in_map"));
        var inner = new MapSpec { Name = "outer.inner", Type = MapType.Array, KeySize = 4, ValueSize = 8, MaxEntries = 4 };
        var outer = spec.Maps.Single(m => m.Name == "outer");
        Assert.Equal((MapType.ArrayOfMaps, 4u, 4u, 2u), (outer.Type, outer.KeySize, outer.ValueSize, outer.MaxEntries));
        Assert.Equal(inner with { BtfKeyTypeId = outer.InnerMap!.BtfKeyTypeId, BtfValueTypeId = outer.InnerMap.BtfValueTypeId }, outer.InnerMap);
        var byKey = spec.Maps.Single(m => m.Name == "by_key");
        Assert.Equal((MapType.HashOfMaps, 4u, 4u, MapType.Array), (byKey.Type, byKey.KeySize, byKey.ValueSize, byKey.InnerMap!.Type));
        Assert.Equal(new InnerMapSlot("outer", 1, "inner_b"), Assert.Single(spec.InnerMapSlots));

        var ours = ObjectSpec.Parse(MapOfMapsPrograms.BpfObjectBytes.ToArray()).Maps.Single(m => m.Name == "Ports");
        Assert.Equal((MapType.HashOfMaps, 4u, 4u, 16u), (ours.Type, ours.KeySize, ours.ValueSize, ours.MaxEntries));
        Assert.Equal((MapType.Hash, 4u, 8u, 64u), (ours.InnerMap!.Type, ours.InnerMap.KeySize, ours.InnerMap.ValueSize, ours.InnerMap.MaxEntries));
    }

    [KernelFact]
    public void Clang_map_of_maps_gets_its_initial_inner_map_and_takes_others_from_the_host()
    {
        Kernel.Require();
        using var obj = BpfObject.Load(ClangObjects.Compile("map_in_map"));
        var outer = new BpfArrayOfMaps(obj.Map("outer"));
        Assert.Equal(obj.Map("inner_b").Info.Id, outer.InnerMapId(1));
        Assert.Null(outer.InnerMapId(0));

        var read = obj.Program("read_inner");
        new BpfArrayMap<ulong>(obj.Map("inner_b"))[0] = (ulong)XdpAction.Tx;
        Assert.Equal((uint)XdpAction.Tx, read.TestRun(new TestRunOptions { Data = Packet }).ReturnValue);

        using var replacement = new BpfArrayMap<ulong>(outer.CreateInnerMap("replacement"));
        replacement[0] = (ulong)XdpAction.Pass;
        outer.Set(1, replacement);
        Assert.Equal((uint)XdpAction.Pass, read.TestRun(new TestRunOptions { Data = Packet }).ReturnValue);
        Assert.True(outer.Clear(1));
        Assert.Equal((uint)XdpAction.Aborted, read.TestRun(new TestRunOptions { Data = Packet }).ReturnValue);

        var byKey = new BpfHashOfMaps<uint>(obj.Map("by_key"));
        byKey.Set(77, obj.Map("inner_a"));
        Assert.Equal(obj.Map("inner_a").Info.Id, byKey.InnerMapId(77));
    }
}
