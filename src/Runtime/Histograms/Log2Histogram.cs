using System.Globalization;
using System.Text;

namespace BpfSharp.Runtime;

/// <summary>
/// A power-of-two histogram as BCC tools keep it: bucket i counts values v with log2(v) + 1 == i, i.e. in
/// [2^(i-1), 2^i - 1] (bucket 0 holds zeros and, as in BCC, is not printed). <see cref="ToString(string, bool)"/>
/// prints it exactly like BCC's <c>print_log2_hist</c>.
/// </summary>
public sealed class Log2Histogram
{
    public Log2Histogram(IReadOnlyList<ulong> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        Buckets = buckets.ToArray();
    }

    public IReadOnlyList<ulong> Buckets { get; }

    /// <summary>Reads an array map whose index is the bucket.</summary>
    public static Log2Histogram FromMap(BpfArrayMap<ulong> map) => new(map.ToArray());

    public static Log2Histogram FromMap(BpfArrayMap<uint> map) => new(HistogramBars.Widen(map.ToArray()));

    /// <summary>Reads a per-CPU array map, adding up the CPUs.</summary>
    public static Log2Histogram FromMap(BpfPerCpuArrayMap<ulong> map) =>
        new(map.LookupBatch().OrderBy(p => p.Key).Select(p => p.Value.Sum()).ToArray());

    /// <summary>The bucket a value falls in (BCC's bpf_log2l(v) + 1 convention, 0 for 0).</summary>
    public static int BucketOf(ulong value) => value == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(value);

    /// <summary>BCC's print_log2_hist output, one line per bucket from 1 to the last non-empty one, each ending in '\n'.</summary>
    public string ToString(string valueType, bool stripLeadingZero = false)
    {
        var (last, max) = HistogramBars.Extent(Buckets);
        bool wide = last > 32;
        int stars = wide ? HistogramBars.MaxStars / 2 : HistogramBars.MaxStars;
        var text = new StringBuilder();
        if (last > 0)
            text.Append(wide ? "               " + valueType.PadRight(29) : "     " + valueType.PadRight(19)).Append(" : count     distribution\n");
        for (int i = 1; i <= last; i++)
        {
            ulong low = (1UL << i) >> 1, high = i == 64 ? ulong.MaxValue : (1UL << i) - 1;
            if (low == high)
                low--;
            ulong value = Buckets[i];
            if (stripLeadingZero)
            {
                if (value == 0)
                    continue;
                stripLeadingZero = false;
            }
            int column = wide ? 20 : 10;
            text.Append(low.ToString(CultureInfo.InvariantCulture).PadLeft(column)).Append(" -> ")
                .Append(high.ToString(CultureInfo.InvariantCulture).PadRight(column)).Append(" : ")
                .Append(value.ToString(CultureInfo.InvariantCulture).PadRight(8)).Append(" |")
                .Append(HistogramBars.Stars(value, max, stars)).Append("|\n");
        }
        return text.ToString();
    }

    public override string ToString() => ToString("value");
}
