using System.Text.RegularExpressions;
using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Samples;

/// <summary>The BiteSize sample run as a user runs it, while the test issues direct writes of a known size.</summary>
[Collection(SerialCollection.Name)]
public class BiteSizeSampleTests
{
    private static string SampleDll => Path.Combine(Repo.SampleOutput("BiteSize"), "BiteSize.dll");

    [KernelFact]
    public void Direct_64_KiB_writes_land_in_the_64_to_127_kbytes_bucket_of_the_printed_histogram() => WritesShowUp(forceLoopDevice: false);

    /// <summary>The path CI takes when its temporary directory is not on a block device (tmpfs, overlay).</summary>
    [KernelFact]
    public void Writes_on_a_loop_device_show_up_and_the_loop_device_is_gone_afterwards()
    {
        string device = WritesShowUp(forceLoopDevice: true);
        Assert.DoesNotContain(device + ":", Tools.Run("losetup", "-a"));
    }

    private static string WritesShowUp(bool forceLoopDevice)
    {
        Kernel.Require();
        Tools.Require("dd");
        using var scratch = new ScratchBlockDirectory(forceLoopDevice);
        using var bite = SampleProcess.Start("BiteSize", null, "--interval", "4", "--count", "1");
        Assert.NotNull(bite.WaitForLine(l => l.StartsWith("Tracing block I/O"), TimeSpan.FromSeconds(15)));

        // O_DIRECT and synchronous: every 64 KiB write is its own request, neither cached nor merged with the next.
        const int writes = 16;
        Tools.Run("dd", "if=/dev/zero", $"of={Path.Combine(scratch.Path, "data")}", "bs=64k", $"count={writes}", "oflag=direct,dsync", "status=none");

        Assert.NotNull(bite.WaitForLine(l => l.StartsWith("     kbytes"), TimeSpan.FromSeconds(15)));
        Assert.Equal(0, bite.WaitForExit(TimeSpan.FromSeconds(10)));
        var buckets = bite.Lines
            .Select(l => Regex.Match(l, @"^\s*(\d+) -> (\d+)\s*: (\d+)\s+\|([*+ ]{40})\|$"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value + "-" + m.Groups[2].Value, m => long.Parse(m.Groups[3].Value));
        Assert.True(buckets.GetValueOrDefault("64-127") >= writes, string.Join("\n", bite.Lines));
        Assert.Contains(bite.Lines, l => Regex.IsMatch(l, @"^\s+64 -> 127\s+: \d+\s+\|\*+ *\|$"));
        return scratch.LoopDevice ?? "";
    }

    [Fact]
    public void Help_lists_the_options()
    {
        string output = Tools.Run("dotnet", SampleDll, "--help");
        foreach (var option in new[] { "--interval", "--count", "--cumulative" })
            Assert.Contains(option, output);
    }
}
