namespace BpfSharp.Runtime.Tests.Maps;

/// <summary>Histograms print character for character like BCC's print_log2_hist and print_linear_hist.</summary>
public sealed class HistogramTests
{
    // Produced by BCC's table.py formatting code for the same buckets.
    private const string Log2Expected =
        "     kbytes              : count     distribution\n" +
        "         0 -> 1          : 1        |*                                       |\n" +
        "         2 -> 3          : 3        |***                                     |\n" +
        "         4 -> 7          : 10       |**********                              |\n" +
        "         8 -> 15         : 0        |                                        |\n" +
        "        16 -> 31         : 40       |****************************************|\n" +
        "        32 -> 63         : 2        |**                                      |\n";

    private const string LinearExpected =
        "     slot          : count     distribution\n" +
        "        0          : 0        |                                        |\n" +
        "        1          : 3        |*****************                       |\n" +
        "        2          : 7        |****************************************|\n" +
        "        3          : 1        |*****                                   |\n";

    [Fact]
    public void Log2_histogram_matches_bcc()
    {
        var histogram = new Log2Histogram([5, 1, 3, 10, 0, 40, 2, 0, 0]);
        Assert.Equal(Log2Expected, histogram.ToString("kbytes"));
    }

    [Fact]
    public void Linear_histogram_matches_bcc()
    {
        Assert.Equal(LinearExpected, new LinearHistogram([0, 3, 7, 1]).ToString("slot"));
    }

    [Fact]
    public void Empty_and_wide_histograms()
    {
        Assert.Equal("", new Log2Histogram(new ulong[64]).ToString("usecs"));
        var wide = new ulong[40];
        wide[34] = 1;
        var lines = new Log2Histogram(wide).ToString("nsecs").Split('\n');
        Assert.Equal("               nsecs                         : count     distribution", lines[0]);
        Assert.Equal("          8589934592 -> 17179869183          : 1        |********************|", lines[34]);
    }

    [Fact]
    public void Bucket_of_follows_bpf_log2l_plus_one()
    {
        Assert.Equal([0, 1, 2, 2, 3, 3, 3, 3, 4], Enumerable.Range(0, 9).Select(v => Log2Histogram.BucketOf((ulong)v)));
        Assert.Equal(64, Log2Histogram.BucketOf(ulong.MaxValue));
    }

    [KernelFact]
    public void Histogram_read_from_an_array_map()
    {
        Kernel.Require();
        using var map = BpfArrayMap<ulong>.Create(27);
        ulong[] buckets = [5, 1, 3, 10, 0, 40, 2];
        for (uint i = 0; i < buckets.Length; i++)
            map[i] = buckets[i];
        Assert.Equal(Log2Expected, Log2Histogram.FromMap(map).ToString("kbytes"));
    }
}
