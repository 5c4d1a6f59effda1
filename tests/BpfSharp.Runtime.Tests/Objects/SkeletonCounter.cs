namespace BpfSharp.Runtime.Tests.Objects;

public struct StepEvent
{
    public ulong Total;
    public uint Step;
}

/// <summary>
/// A C# program with maps and globals for the skeleton tests: a read-only step the host sets before load, a
/// mutable total the host reads and writes while it runs, a hash map, and a ring buffer of typed records.
/// </summary>
public static unsafe partial class SkeletonCounter
{
    internal static readonly HashMap<uint, ulong> Counts = new(maxEntries: 8);
    internal static readonly RingBuffer Events = new(size: 4096);
    internal static readonly uint Step = 1;
    internal static ulong Total;
    internal static uint Runs;

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Count(RawTracepointContext ctx)
    {
        uint step = Step;
        ulong* value = Counts.Lookup(step);
        if (value != null)
            Bpf.AtomicAdd(value, 1);
        else
            Counts.Update(step, 1UL);
        Total += step;
        Runs++;
        // Reserve/Submit: Output of a struct local passes the wrong stack slot today (compiler gap).
        StepEvent* record = Events.Reserve<StepEvent>();
        if (record != null)
        {
            record->Total = Total;
            record->Step = step;
            Events.Submit(record);
        }
        return (int)step;
    }
}
