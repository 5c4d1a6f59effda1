using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>A tracepoint program on a PERF_TYPE_TRACEPOINT event, whose config is the tracepoint's tracefs id.</summary>
internal static class TracepointLink
{
    public static BpfLink Attach(BpfFd program, string category, string name)
    {
        ulong id = TraceFs.GetTracepointId(category, name);
        var attr = new PerfEventAttr
        {
            Type = PerfEventAttr.TypeTracepoint,
            Config = id,
            SamplePeriod = 1,
            WakeupEvents = 1,
        };
        // pid -1 on CPU 0 is every task: the program runs wherever the tracepoint fires, whatever the event's CPU.
        var perfEvent = Interop.PerfEvent.Open(ref attr, pid: -1, cpu: 0, $"tracepoint {category}:{name}");
        return PerfEventLink.Attach(program, perfEvent, $"tracepoint:{category}:{name}");
    }
}
