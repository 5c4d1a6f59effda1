using System.Globalization;
using System.Text.RegularExpressions;
using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Samples;

/// <summary>The SyscallCount sample run as a user runs it: the atomic and per-CPU counts match the calls made exactly.</summary>
[Collection(SerialCollection.Name)]
public class SyscallCountSampleTests
{
    private static string SampleDll => Path.Combine(Repo.SampleOutput("SyscallCount"), "SyscallCount.dll");

    [KernelFact]
    public void Atomic_and_per_cpu_counts_equal_the_calls_made_and_the_shared_count_never_exceeds_them()
    {
        Kernel.Require();
        string output = Tools.Run("dotnet", SampleDll, "--threads", "2", "--calls", "200000", "--count", "2");

        var rows = output.Split('\n')
            .Select(line => Regex.Match(line, @"^\s*(\d+)\s+([\d,]+)\s+([\d,]+)\s+(-?[\d,]+)\s+([\d,]+)\s+([\d,]+)\s"))
            .Where(m => m.Success)
            .Select(m => m.Groups.Values.Skip(2).Select(g => long.Parse(g.Value, NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            long expected = row[0], shared = row[1], lost = row[2], atomic = row[3], perCpu = row[4];
            Assert.Equal(400_000, expected);
            Assert.Equal(expected, atomic);
            Assert.Equal(expected, perCpu);
            Assert.InRange(shared, 1, expected);
            Assert.Equal(expected - shared, lost);
        }
        Assert.EndsWith("Detached.", output.TrimEnd());
    }

    [Fact]
    public void Help_lists_the_options()
    {
        string output = Tools.Run("dotnet", SampleDll, "--help");
        foreach (var option in new[] { "--threads", "--calls", "--count", "--syscall" })
            Assert.Contains(option, output);
    }
}
