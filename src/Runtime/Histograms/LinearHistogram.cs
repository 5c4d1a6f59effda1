using System.Globalization;
using System.Text;

namespace BpfSharp.Runtime;

/// <summary>A histogram with one bucket per integer value, printed like BCC's <c>print_linear_hist</c>.</summary>
public sealed class LinearHistogram
{
    public LinearHistogram(IReadOnlyList<ulong> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        Buckets = buckets.ToArray();
    }

    public IReadOnlyList<ulong> Buckets { get; }

    public static LinearHistogram FromMap(BpfArrayMap<ulong> map) => new(map.ToArray());

    public static LinearHistogram FromMap(BpfArrayMap<uint> map) => new(HistogramBars.Widen(map.ToArray()));

    /// <summary>BCC's print_linear_hist output, buckets 0 to the last non-empty one.</summary>
    public string ToString(string valueType, bool stripLeadingZero = false)
    {
        var (last, max) = HistogramBars.Extent(Buckets);
        var text = new StringBuilder();
        if (last >= 0)
            text.Append("     ").Append(valueType.PadRight(13)).Append(" : count     distribution\n");
        for (int i = 0; i <= last; i++)
        {
            ulong value = Buckets[i];
            if (stripLeadingZero)
            {
                if (value == 0)
                    continue;
                stripLeadingZero = false;
            }
            text.Append("        ").Append(i.ToString(CultureInfo.InvariantCulture).PadRight(10)).Append(" : ")
                .Append(value.ToString(CultureInfo.InvariantCulture).PadRight(8)).Append(" |")
                .Append(HistogramBars.Stars(value, max, HistogramBars.MaxStars)).Append("|\n");
        }
        return text.ToString();
    }

    public override string ToString() => ToString("value");
}
