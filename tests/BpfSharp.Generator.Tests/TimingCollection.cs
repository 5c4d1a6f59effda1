namespace BpfSharp.Generator.Tests;

/// <summary>
/// Tests that assert wall-clock bounds run alone: the suite's other classes run in parallel on the same
/// two cores and would otherwise inflate the times they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing (runs alone)";
}
