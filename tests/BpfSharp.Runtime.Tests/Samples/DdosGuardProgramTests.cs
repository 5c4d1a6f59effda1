using BpfSharp.Samples;

namespace BpfSharp.Runtime.Tests.Samples;

/// <summary>The DdosGuard program on crafted frames, in the CLR and through BPF_PROG_TEST_RUN.</summary>
[Collection(SerialCollection.Name)] // the CLR twin's maps are static
public sealed unsafe class DdosGuardProgramTests
{
    // PortFilterProgramTests' frames come from 10.0.0.2 and fd00::2.
    private static readonly byte[] FromV4 = PortFilterProgramTests.Ipv4(17, 40000, 53);
    private static readonly byte[] FromV6 = PortFilterProgramTests.Ipv6(17, 40000, 53);

    [Fact]
    public void Blocked_prefixes_drop_in_the_clr_and_other_sources_pass()
    {
        var v4 = Prefixes.Parse("10.0.0.0/8");
        var v6 = Prefixes.Parse("fd00::/16");
        try
        {
            Assert.Equal(XdpAction.Pass, Run(FromV4));
            DdosGuard.Blocklist.Update(v4, 0UL);
            Assert.Equal(XdpAction.Drop, Run(FromV4));
            Assert.Equal(XdpAction.Pass, Run(FromV6));
            DdosGuard.Blocklist.Update(v6, 0UL);
            Assert.Equal(XdpAction.Drop, Run(FromV6));
            Assert.Equal(1UL, *DdosGuard.Blocklist.Lookup(v4));
        }
        finally
        {
            DdosGuard.Blocklist.Delete(v4);
            DdosGuard.Blocklist.Delete(v6);
        }
    }

    [KernelFact]
    public void Kernel_drops_blocked_prefixes_and_sources_over_the_pps_set_before_load()
    {
        Kernel.Require();
        using var guard = DdosGuard.Load(new BpfLoadOptions
        {
            GlobalValues = new Dictionary<string, byte[]> { ["Pps"] = BitConverter.GetBytes(3UL) },
        });
        var blocklist = new BpfLpmTrieMap<SourcePrefix, ulong>(guard.Blocklist);
        blocklist.Update(Prefixes.Parse("fd00::/16"), 0UL);

        Assert.Equal((uint)XdpAction.Drop, TestRun(guard, FromV6));
        // The limit counts per one-second window: of a burst of ten, three pass (six if it straddles a second).
        var verdicts = Enumerable.Range(0, 10).Select(_ => TestRun(guard, FromV4)).ToList();
        int passed = verdicts.Count(v => v == (uint)XdpAction.Pass);
        Assert.True(passed is 3 or 6, string.Join(",", verdicts));
        Assert.Equal((uint)XdpAction.Drop, verdicts[^1]);
        Assert.Equal(1UL, blocklist.Lookup(Prefixes.Parse("fd00::/16")));
        var totals = new BpfArrayMap<ulong>(guard.Totals);
        Assert.Equal(1UL, totals[DdosGuard.Blocked]);
        Assert.Equal((ulong)passed, totals[DdosGuard.Passed]);
        Assert.Equal((ulong)(10 - passed), totals[DdosGuard.Limited]);
    }

    private static uint TestRun(DdosGuard.Skeleton guard, byte[] frame) =>
        guard.Guard.TestRun(new TestRunOptions { Data = frame }).ReturnValue;

    private static XdpAction Run(byte[] frame)
    {
        fixed (byte* p = frame)
        {
            var buffer = new XdpBuffer(p, frame.Length);
            return DdosGuard.Guard(new XdpContext(&buffer));
        }
    }
}
