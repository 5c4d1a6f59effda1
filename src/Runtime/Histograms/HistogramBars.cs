namespace BpfSharp.Runtime;

/// <summary>The star bars of BCC's histograms.</summary>
internal static class HistogramBars
{
    public const int MaxStars = 40;

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
