using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>kprobes and uprobes through their perf PMUs: config1 points at the function name or binary path, config2 is the offset.</summary>
internal static unsafe class ProbeLink
{
    public static BpfLink AttachUprobe(BpfFd program, string path, string symbol, bool isReturn, int pid)
    {
        var pmu = DynamicPmu.Get("uprobe", "uprobes");
        string fullPath = Path.GetFullPath(path);
        ulong offset = ElfSymbolOffsets.Resolve(fullPath, symbol);
        string kind = isReturn ? "uretprobe" : "uprobe";
        string description = $"{kind}:{fullPath}:{symbol}" + (pid >= 0 ? $" pid {pid}" : "");
        return Open(program, pmu, fullPath, offset, isReturn, pid, description);
    }

    public static BpfLink AttachKprobe(BpfFd program, string function, bool isReturn)
    {
        var pmu = DynamicPmu.Get("kprobe", "kprobes");
        string kind = isReturn ? "kretprobe" : "kprobe";
        return Open(program, pmu, function, 0, isReturn, -1, $"{kind}:{function}");
    }

    private static BpfLink Open(BpfFd program, DynamicPmu pmu, string target, ulong offset, bool isReturn, int pid, string description)
    {
        var name = ObjectName.CString(target);
        fixed (byte* namePointer = name)
        {
            var attr = new PerfEventAttr
            {
                Type = pmu.Type,
                Config = isReturn ? 1UL << pmu.RetprobeBit : 0,
                Config1 = (ulong)namePointer,
                Config2 = offset,
                SamplePeriod = 1,
                WakeupEvents = 1,
                };
            // A pid narrows the probe to one process; without one it fires in every process (cpu 0 stands for all).
            var perfEvent = Interop.PerfEvent.Open(ref attr, pid: pid >= 0 ? pid : -1, cpu: pid >= 0 ? -1 : 0, description);
            return PerfEventLink.Attach(program, perfEvent, description);
        }
    }
}
