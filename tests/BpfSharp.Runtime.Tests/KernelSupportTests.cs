namespace BpfSharp.Runtime.Tests;

public sealed class KernelSupportTests
{
    [Theory]
    [InlineData("6.18.44-fc-v657", 6, 18, 44)]
    [InlineData("5.15.0-91-generic", 5, 15, 0)]
    [InlineData("6.8", 6, 8, 0)]
    [InlineData("4.19.0+", 4, 19, 0)]
    public void Kernel_release_strings_parse(string release, int major, int minor, int patch)
    {
        Assert.Equal(new KernelVersion(major, minor, patch), KernelVersion.Parse(release));
    }

    [Theory]
    [InlineData("")]
    [InlineData("6")]
    [InlineData("linux")]
    public void Non_releases_are_rejected(string release)
    {
        Assert.Throws<FormatException>(() => KernelVersion.Parse(release));
    }

    [Fact]
    public void Versions_order_numerically()
    {
        Assert.True(new KernelVersion(6, 10, 0) > new KernelVersion(6, 9, 12));
        Assert.True(new KernelVersion(5, 15, 0) < new KernelVersion(6, 1, 0));
        Assert.True(new KernelVersion(6, 1, 0) <= new KernelVersion(6, 1, 0));
    }

    [Fact]
    public void Current_release_matches_proc()
    {
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), KernelVersion.Release);
        Assert.True(KernelVersion.Current >= new KernelVersion(3, 18, 0));
    }

    [Fact]
    public void Not_supported_names_feature_and_kernel()
    {
        var error = new BpfNotSupportedException("BPF_LINK_TYPE_TCX");

        Assert.Equal("BPF_LINK_TYPE_TCX", error.Feature);
        Assert.Equal($"BPF_LINK_TYPE_TCX is not supported by kernel {KernelVersion.Release}.", error.Message);
    }

    [Fact]
    public void Errors_carry_command_errno_and_strerror()
    {
        var error = new BpfException("BPF_MAP_CREATE", 22);

        Assert.Equal(22, error.Errno);
        Assert.Equal("EINVAL", error.ErrnoName);
        Assert.Equal("BPF_MAP_CREATE failed: Invalid argument (EINVAL).", error.Message);
    }

    [Fact]
    public void Privilege_check_agrees_with_the_capabilities_in_proc()
    {
        var capEff = File.ReadLines("/proc/thread-self/status").Single(l => l.StartsWith("CapEff:"));
        ulong bits = Convert.ToUInt64(capEff["CapEff:".Length..].Trim(), 16);
        bool expected = (bits & (1UL << 21)) != 0 || ((bits & (1UL << 39)) != 0 && (bits & (1UL << 38)) != 0);

        Assert.Equal(expected, Privileges.CanLoadPrograms(out var reason));
        Assert.Equal(expected, reason.Length == 0);
    }

    [Theory]
    [InlineData(0UL, false)]
    [InlineData(1UL << 39, false)]                   // CAP_BPF alone
    [InlineData((1UL << 39) | (1UL << 38), true)]    // CAP_BPF + CAP_PERFMON
    [InlineData(1UL << 21, true)]                    // CAP_SYS_ADMIN
    [InlineData(0x1ffffffffffUL, true)]              // root's usual full set
    public void Capabilities_decide_whether_programs_can_load(ulong capEff, bool expected)
    {
        bool can = Privileges.Evaluate(capEff, 1000, out var reason);

        Assert.Equal(expected, can);
        if (!can)
        {
            Assert.StartsWith("Loading eBPF programs needs root, or CAP_BPF with CAP_PERFMON", reason);
            Assert.Contains("uid 1000", reason);
            Assert.DoesNotContain("\n", reason);
        }
    }
}
