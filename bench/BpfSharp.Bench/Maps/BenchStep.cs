using System.Globalization;

namespace BpfSharp.Bench.Maps;

/// <summary>
/// One benchmark and its protocol, given verbatim to both sides: <see cref="Warmup"/> untimed iterations (element ops:
/// operations of each kind; others: whole rounds), then <see cref="Batches"/> timed batches of <see cref="BatchSize"/>
/// (element ops and open+load; the others time one round per batch), of which each side reports the median, timed
/// with the same <see cref="Clock"/>.
/// </summary>
internal sealed record BenchStep(string Bench, string Argument, int Warmup, int Batches, int BatchSize, BenchClock.Kind Clock)
{
    /// <summary>The arguments of native/maps_bench after the object path.</summary>
    public string[] NativeArguments() =>
        [Bench, Argument, Text(Warmup), Text(Batches), Text(BatchSize), Clock == BenchClock.Kind.Wall ? "wall" : "cpu"];

    public override string ToString() => $"{Bench} {Argument}";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
