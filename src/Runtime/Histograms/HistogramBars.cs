namespace BpfSharp.Runtime;

/// <summary>The star bars of BCC's histograms.</summary>
internal static class HistogramBars
{
    public const int MaxStars = 40;

    /// <summary>The last non-empty bucket (-1 when all are empty) and the largest count, which scales the bars.</summary>
    public static (int Last, ulong Max) Extent(IReadOnlyList<ulong> buckets)
    {
        int last = -1;
        ulong max = 0;
        for (int i = 0; i < buckets.Count; i++)
        {
            if (buckets[i] > 0)
                last = i;
            max = Math.Max(max, buckets[i]);
        }
        return (last, max);
    }

    public static ulong[] Widen(uint[] values) => Array.ConvertAll(values, v => (ulong)v);

    /// <summary>
    /// floor(width * value / max) stars, at most <paramref name="width"/>, with the last turned into '+' when the value
    /// exceeds the maximum; padded to <paramref name="width"/> as BCC's <c>%-*s</c> does.
    /// </summary>
    public static string Stars(ulong value, ulong max, int width)
    {
        int count = max == 0 ? 0 : (int)UInt128.Min((UInt128)width, (UInt128)width * value / max);
        var text = new string('*', count);
        if (value > max && count > 0)
            text = text[..^1] + "+";
        return text.PadRight(width);
    }
}
