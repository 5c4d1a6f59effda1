using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime.Tests;

public sealed class MapSyscallTests
{
    [KernelFact]
    public void Hash_map_round_trips_keys_and_values()
    {
        Kernel.Require();
        using var map = MapSyscalls.Create(MapType.Hash, keySize: 4, valueSize: 8, maxEntries: 16, name: "rt_hash");

        MapSyscalls.Update(map, BitConverter.GetBytes(7), BitConverter.GetBytes(700L));
        MapSyscalls.Update(map, BitConverter.GetBytes(8), BitConverter.GetBytes(800L));
        var value = new byte[8];

        Assert.True(MapSyscalls.TryLookup(map, BitConverter.GetBytes(7), value));
        Assert.Equal(700L, BitConverter.ToInt64(value));
        Assert.False(MapSyscalls.TryLookup(map, BitConverter.GetBytes(9), value));

        var keys = new List<int>();
        var key = new byte[4];
        var next = new byte[4];
        for (bool more = MapSyscalls.TryGetNextKey(map, default, next); more; more = MapSyscalls.TryGetNextKey(map, key, next))
        {
            keys.Add(BitConverter.ToInt32(next));
            next.CopyTo(key, 0);
        }
        Assert.Equal([7, 8], keys.Order());

        Assert.True(MapSyscalls.TryDelete(map, BitConverter.GetBytes(7)));
        Assert.False(MapSyscalls.TryDelete(map, BitConverter.GetBytes(7)));
    }

    [KernelFact]
    public void Update_flags_are_honoured()
    {
        Kernel.Require();
        using var map = MapSyscalls.Create(MapType.Hash, 4, 4, 4, name: "rt_flags");
        var key = BitConverter.GetBytes(1);

        var error = Assert.Throws<BpfException>(() => MapSyscalls.Update(map, key, BitConverter.GetBytes(1), MapSyscalls.Exist));
        Assert.Equal("ENOENT", error.ErrnoName);
        MapSyscalls.Update(map, key, BitConverter.GetBytes(1), MapSyscalls.NoExist);
        error = Assert.Throws<BpfException>(() => MapSyscalls.Update(map, key, BitConverter.GetBytes(2), MapSyscalls.NoExist));
        Assert.Equal("EEXIST", error.ErrnoName);
        Assert.Equal("BPF_MAP_UPDATE_ELEM", error.Command);
    }

    [KernelFact]
    public void Info_reports_the_created_shape()
    {
        Kernel.Require();
        using var map = MapSyscalls.Create(MapType.Array, 4, 12, 3, name: "rt_info");

        var info = MapSyscalls.Info(map);

        Assert.Equal((uint)MapType.Array, info.Type);
        Assert.Equal(4u, info.KeySize);
        Assert.Equal(12u, info.ValueSize);
        Assert.Equal(3u, info.MaxEntries);
        Assert.True(info.Id > 0);
        unsafe
        {
            Assert.Equal("rt_info", ObjectName.Read(info.Name));
        }
    }

    [KernelFact]
    public void Frozen_map_refuses_userspace_writes()
    {
        Kernel.Require();
        using var map = MapSyscalls.Create(MapType.Array, 4, 4, 1, name: "rt_frozen");
        MapSyscalls.Update(map, BitConverter.GetBytes(0), BitConverter.GetBytes(5));

        MapSyscalls.Freeze(map);

        var error = Assert.Throws<BpfException>(() => MapSyscalls.Update(map, BitConverter.GetBytes(0), BitConverter.GetBytes(6)));
        Assert.Equal("EPERM", error.ErrnoName);
    }

    [KernelFact]
    public void Bad_shape_names_the_map()
    {
        Kernel.Require();

        var error = Assert.Throws<BpfException>(() => MapSyscalls.Create(MapType.Array, keySize: 8, valueSize: 4, maxEntries: 1, name: "rt_badkey"));

        Assert.Equal("EINVAL", error.ErrnoName);
        Assert.Contains("rt_badkey", error.Message);
    }
}
