using System.Collections.Generic;

namespace BpfSharp;

/// <summary>
/// BPF_MAP_TYPE_PERF_EVENT_ARRAY: one perf buffer per CPU that programs write samples to. A size of 0 lets the
/// loader size it to the number of possible CPUs. In the CLR the samples are kept in <see cref="Samples"/>.
/// </summary>
public sealed class PerfEventArray : KernelMap
{
    /// <summary>BPF_F_CURRENT_CPU: write to the buffer of the CPU the program runs on.</summary>
    public const ulong CurrentCpu = 0xffffffff;

    private readonly List<(int Cpu, byte[] Data)> _samples = new();

    public PerfEventArray(uint maxEntries = 0) : base(KernelMapType.PerfEventArray, maxEntries, MapFlags.None) { }

    /// <summary>bpf_perf_event_output: sends <paramref name="data"/> to the buffer selected by <paramref name="flags"/>.</summary>
    [BpfHelper(HelperId.PerfEventOutput)]
    public long Output<TContext, T>(TContext context, in T data, ulong flags = CurrentCpu) where T : unmanaged
    {
        ulong index = flags & 0xffffffff;
        int cpu = index == CurrentCpu ? BpfClr.CurrentCpu : (int)index;
        if ((flags & ~0xffffffffUL) != 0 || cpu >= BpfClr.CpuCount)
            return MapErrors.Invalid;
        _samples.Add((cpu, NativeBytes.Of(data)));
        return 0;
    }

    /// <summary>CLR only: every sample written, with its CPU, oldest first.</summary>
    public IReadOnlyList<(int Cpu, byte[] Data)> Samples => _samples;
}
