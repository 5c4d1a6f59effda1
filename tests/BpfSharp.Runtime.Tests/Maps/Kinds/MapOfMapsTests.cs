namespace BpfSharp.Runtime.Tests.Maps.Kinds;

/// <summary>
/// <see cref="MapOfMapsPrograms"/> in the kernel and in the CLR, driven by one script: the host stores inner maps
/// under keys, the programs look them up and read and write them, and both sides must answer alike.
/// </summary>
[Collection(SerialCollection.Name)] // the CLR twin's maps are static fields
public sealed class MapOfMapsTests
{
    /// <summary>What the script needs of a side: run the programs, store, clear and read inner maps.</summary>
    private interface ISide
    {
        int AddToTenant(uint tenant, uint counter, ulong amount);
        int CountOnPort(uint port, uint source);
        /// <summary>Stores inner array <paramref name="inner"/> (0 or 1) under <paramref name="tenant"/>; 0 or a negative errno.</summary>
        int SetTenant(uint tenant, int inner);
        /// <summary>Stores an array of the wrong size under <paramref name="tenant"/>; 0 or a negative errno.</summary>
        int SetMismatchedTenant(uint tenant);
        void ClearTenant(uint tenant);
        ulong TenantCounter(int inner, uint counter);
        int SetPort(uint port);
        ulong PortCount(uint source);
    }

    private static void Script(ISide side)
    {
        Assert.Equal(MapOfMapsPrograms.NoMap, side.AddToTenant(1, 2, 5));       // nothing stored yet
        Assert.Equal(0, side.SetTenant(1, inner: 0));
        Assert.Equal(5, side.AddToTenant(1, 2, 5));
        Assert.Equal(11, side.AddToTenant(1, 2, 6));
        Assert.Equal(MapOfMapsPrograms.NoValue, side.AddToTenant(1, 8, 1));   // past the inner array's 8
        Assert.Equal(0, side.SetTenant(2, inner: 1));
        Assert.Equal(1, side.AddToTenant(2, 2, 1));                            // another map under another key
        Assert.Equal((11UL, 1UL), (side.TenantCounter(0, 2), side.TenantCounter(1, 2)));
        Assert.Equal(0, side.SetTenant(1, inner: 1));                          // swapped: key 1 now sees inner 1
        Assert.Equal(2, side.AddToTenant(1, 2, 1));
        side.ClearTenant(1);
        Assert.Equal(MapOfMapsPrograms.NoMap, side.AddToTenant(1, 2, 1));
        Assert.Equal(-22, side.SetMismatchedTenant(3));                        // EINVAL: not the template
        Assert.Equal(-7, side.SetTenant(4, inner: 0));                         // E2BIG: past the outer array

        Assert.Equal(MapOfMapsPrograms.NoMap, side.CountOnPort(80, 7));
        Assert.Equal(0, side.SetPort(80));
        Assert.Equal(1, side.CountOnPort(80, 7));                               // created by the program
        Assert.Equal(2, side.CountOnPort(80, 7));
        Assert.Equal(1, side.CountOnPort(80, 9));
        Assert.Equal(MapOfMapsPrograms.NoMap, side.CountOnPort(443, 7));
        Assert.Equal((2UL, 1UL), (side.PortCount(7), side.PortCount(9)));
    }

    [KernelFact]
    public void Programs_look_up_inner_maps_the_host_stores_and_use_them()
    {
        Kernel.Require();
        using var side = new KernelSide();
        Script(side);
        Assert.Equal(side.InnerArrays[1].Map.Info.Id, side.Skeleton.Tenants.InnerMapId(2));
        Assert.Null(side.Skeleton.Tenants.InnerMapId(1));

        // The host reopens what a slot holds by its id and sees the counts the program wrote through it.
        using (var reopened = side.Skeleton.Tenants.OpenInnerMap(2))
        {
            Assert.NotNull(reopened);
            Assert.Equal("tenant_b", reopened.Name);
            using var view = new BpfArrayMap<ulong>(reopened);
            Assert.Equal(side.TenantCounter(1, 2), view[2]);
            Assert.Equal(2UL, view[2]);
        }
        Assert.Null(side.Skeleton.Tenants.OpenInnerMap(1));
        var gone = Assert.Throws<BpfException>(() => BpfMap.FromId(uint.MaxValue));
        Assert.Equal(2, gone.Errno); // ENOENT
        Assert.Contains("BPF_MAP_GET_FD_BY_ID", gone.Message);
    }

    [Fact]
    public void Clr_twin_answers_the_same()
    {
        try
        {
            Script(new ClrSide());
        }
        finally
        {
            for (uint tenant = 0; tenant < 4; tenant++)
                MapOfMapsPrograms.Tenants.Clear(tenant);
            MapOfMapsPrograms.Ports.Clear(80);
        }
    }

    private sealed class KernelSide : ISide, IDisposable
    {
        private readonly BpfHashMap<uint, ulong> port;

        public KernelSide()
        {
            Skeleton = MapOfMapsPrograms.Load();
            InnerArrays = [new(Skeleton.Tenants.CreateInnerMap("tenant_a")), new(Skeleton.Tenants.CreateInnerMap("tenant_b"))];
            port = new BpfHashMap<uint, ulong>(Skeleton.Ports.CreateInnerMap("port_80"));
        }

        public MapOfMapsPrograms.Skeleton Skeleton { get; }

        public BpfArrayMap<ulong>[] InnerArrays { get; }

        public int AddToTenant(uint tenant, uint counter, ulong amount) => RawTracepointRun.Kernel(Skeleton.AddToTenant, tenant, counter, amount);

        public int CountOnPort(uint port, uint source) => RawTracepointRun.Kernel(Skeleton.CountOnPort, port, source);

        public int SetTenant(uint tenant, int inner) => Errno(() => Skeleton.Tenants.Set(tenant, InnerArrays[inner]));

        public int SetMismatchedTenant(uint tenant)
        {
            using var wrong = BpfArrayMap<ulong>.Create(9);
            return Errno(() => Skeleton.Tenants.Set(tenant, wrong));
        }

        public void ClearTenant(uint tenant) => Assert.True(Skeleton.Tenants.Clear(tenant));

        public ulong TenantCounter(int inner, uint counter) => InnerArrays[inner][counter];

        public int SetPort(uint key) => Errno(() => Skeleton.Ports.Set(key, port));

        public ulong PortCount(uint source) => port.Lookup(source);

        public void Dispose()
        {
            port.Dispose();
            foreach (var inner in InnerArrays)
                inner.Dispose();
            Skeleton.Dispose();
        }

        private static int Errno(Action action)
        {
            try
            {
                action();
                return 0;
            }
            catch (BpfException e)
            {
                return -e.Errno;
            }
        }
    }

    private sealed unsafe class ClrSide : ISide
    {
        private readonly ArrayMap<ulong>[] inners = [new(8), new(8)];
        private readonly HashMap<uint, ulong> port = new(64);

        public int AddToTenant(uint tenant, uint counter, ulong amount) => RawTracepointRun.Clr(MapOfMapsPrograms.AddToTenant, tenant, counter, amount);

        public int CountOnPort(uint port, uint source) => RawTracepointRun.Clr(MapOfMapsPrograms.CountOnPort, port, source);

        public int SetTenant(uint tenant, int inner) => (int)MapOfMapsPrograms.Tenants.Set(tenant, inners[inner]);

        public int SetMismatchedTenant(uint tenant) => (int)MapOfMapsPrograms.Tenants.Set(tenant, new ArrayMap<ulong>(9));

        public void ClearTenant(uint tenant) => Assert.Equal(0, MapOfMapsPrograms.Tenants.Clear(tenant));

        public ulong TenantCounter(int inner, uint counter) => *inners[inner].Lookup(counter);

        public int SetPort(uint key) => (int)MapOfMapsPrograms.Ports.Set(key, port);

        public ulong PortCount(uint source) => *port.Lookup(source);
    }
}
