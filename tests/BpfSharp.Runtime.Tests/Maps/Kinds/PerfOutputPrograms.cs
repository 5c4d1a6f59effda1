namespace BpfSharp.Runtime.Tests.Maps.Kinds;

/// <summary>The record <see cref="PerfOutputPrograms.Emit"/> writes, read back as the same struct by the host.</summary>
public struct PerfSample
{
    public const uint Tag = 0x5a5a_feed;

    public ulong Sequence;
    public uint Cpu;
    public uint Marker;
}

/// <summary>Each run numbers a <see cref="PerfSample"/> and outputs it to the current CPU's perf ring, counting failed outputs.</summary>
public static unsafe partial class PerfOutputPrograms
{
    public const uint Produced = 0, Failed = 1;

    public static readonly PerfEventArray Samples = new();
    public static readonly ArrayMap<ulong> Stats = new(2);

    [BpfProgram, Xdp]
    public static XdpAction Emit(XdpContext ctx)
    {
        ulong* produced = Stats.Lookup(Produced);
        ulong* failed = Stats.Lookup(Failed);
        if (produced == null || failed == null)
            return XdpAction.Aborted;
        // A test run repeats on one CPU with migration disabled, and the runs of one test are sequential: no race.
        var sample = new PerfSample { Sequence = *produced, Cpu = Bpf.GetSmpProcessorId(), Marker = PerfSample.Tag };
        *produced = sample.Sequence + 1;
        if (Samples.Output(ctx, sample) < 0)
            Bpf.AtomicAdd(failed, 1);
        return XdpAction.Pass;
    }
}
