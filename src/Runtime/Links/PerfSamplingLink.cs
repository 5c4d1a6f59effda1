using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// A perf_event program on one sampling event per CPU. The returned link is the first CPU's; it owns the others,
/// so disposing it detaches from every CPU.
/// </summary>
internal static class PerfSamplingLink
{
    /// <summary>perf_event_attr.flags bit 10: sample_period holds a frequency.</summary>
    private const ulong FlagFrequency = 1UL << 10;

    public static BpfLink Attach(BpfFd program, PerfEventSpec spec)
    {
        var cpus = spec.Cpus ?? OnlineCpus.Read();
        if (cpus.Count == 0)
            throw new ArgumentException("No CPU to sample on.", nameof(spec));
        bool byFrequency = spec.SamplePeriod == 0;
        if (byFrequency && spec.Frequency == 0)
            throw new ArgumentException("Give a frequency or a sample period.", nameof(spec));

        var links = new List<BpfLink>();
        try
        {
            foreach (int cpu in cpus)
            {
                var attr = new PerfEventAttr
                {
                    Type = PerfEventAttr.TypeSoftware,
                    Config = (ulong)spec.Event,
                    SamplePeriod = byFrequency ? spec.Frequency : spec.SamplePeriod,
                    Flags = byFrequency ? FlagFrequency : 0,
                };
                string what = $"perf_event:{spec.Event} cpu {cpu}";
                links.Add(PerfEventLink.Attach(program, Interop.PerfEvent.Open(ref attr, spec.Pid, cpu, what), what));
            }
        }
        catch
        {
            foreach (var link in links)
                link.Dispose();
            throw;
        }

        var first = links[0];
        string rate = byFrequency ? $"{spec.Frequency} Hz" : $"every {spec.SamplePeriod}";
        return new BpfLink(first.Fd, $"perf_event:{spec.Event} {rate} on {cpus.Count} cpu(s)", owned: [first, .. links.Skip(1)]);
    }
}
