namespace BpfSharp.Runtime;

/// <summary>perf's generic software events (PERF_TYPE_SOFTWARE configs) a sampling program can run on.</summary>
public enum SoftwareEvent : ulong
{
    CpuClock = 0,
    TaskClock = 1,
    PageFaults = 2,
    ContextSwitches = 3,
    CpuMigrations = 4,
}

/// <summary>What a perf_event program samples: a software event, at a frequency or every N events, on some CPUs.</summary>
public sealed record PerfEventSpec
{
    public SoftwareEvent Event { get; init; } = SoftwareEvent.CpuClock;

    /// <summary>Samples per second per CPU; used when <see cref="SamplePeriod"/> is 0.</summary>
    public ulong Frequency { get; init; } = 99;

    /// <summary>Sample every N events (for the clocks, every N nanoseconds) instead of at a frequency.</summary>
    public ulong SamplePeriod { get; init; }

    /// <summary>The CPUs to sample on; null for every online CPU.</summary>
    public IReadOnlyList<int>? Cpus { get; init; }

    /// <summary>Only this process (-1: every task on the CPU).</summary>
    public int Pid { get; init; } = -1;

    /// <summary>A CPU clock sampled <paramref name="frequency"/> times a second on every online CPU.</summary>
    public static PerfEventSpec CpuClockAt(ulong frequency) => new() { Frequency = frequency };
}
