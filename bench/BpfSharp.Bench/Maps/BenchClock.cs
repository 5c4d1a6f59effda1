using System.Runtime.InteropServices;

namespace BpfSharp.Bench.Maps;

/// <summary>
/// The clock both sides time with, read the same way (clock_gettime): by default the measuring thread's CPU time,
/// user and system (CLOCK_THREAD_CPUTIME_ID), which on a shared machine counts the work each side does and not the
/// time it waits for a CPU; or wall time (CLOCK_MONOTONIC).
/// </summary>
internal static partial class BenchClock
{
    public enum Kind { Cpu, Wall }

    private const int ClockMonotonic = 1, ClockThreadCpuTime = 3;

    /// <summary>Nanoseconds on <paramref name="kind"/>'s clock.</summary>
    public static double Now(Kind kind)
    {
        ClockGetTime(kind == Kind.Wall ? ClockMonotonic : ClockThreadCpuTime, out var now);
        return now.Seconds * 1e9 + now.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
