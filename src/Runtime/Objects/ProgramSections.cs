namespace BpfSharp.Runtime.Objects;

/// <summary>
/// libbpf's section-name conventions, one row per prefix: which program type a section holds, the attach type the
/// kernel must be told at load, and what follows the prefix (the attach target).
/// </summary>
internal static class ProgramSections
{
    public sealed record Kind(string Prefix, ProgramType Type, AttachType? AttachType)
    {
        public string AttachTarget(string section) =>
            section.Length > Prefix.Length + 1 && section[Prefix.Length] == '/' ? section.Substring(Prefix.Length + 1) : "";
    }

    private static readonly Kind[] s_kinds =
    {
        new("raw_tracepoint", ProgramType.RawTracepoint, null),
        new("raw_tp", ProgramType.RawTracepoint, null),
        new("xdp", ProgramType.Xdp, null),
        new("socket", ProgramType.SocketFilter, null),
        new("tc", ProgramType.SchedCls, null),
        new("classifier", ProgramType.SchedCls, null),
        new("tracepoint", ProgramType.Tracepoint, null),
        new("tp", ProgramType.Tracepoint, null),
        new("uprobe", ProgramType.Kprobe, null),
        new("uretprobe", ProgramType.Kprobe, null),
        new("kprobe", ProgramType.Kprobe, null),
        new("kretprobe", ProgramType.Kprobe, null),
        new("perf_event", ProgramType.PerfEvent, null),
        new("fentry", ProgramType.Tracing, AttachType.TraceFentry),
        new("fexit", ProgramType.Tracing, AttachType.TraceFexit),
    };

    public static Kind? Find(string section) =>
        s_kinds.FirstOrDefault(k => section == k.Prefix || section.StartsWith(k.Prefix + "/", StringComparison.Ordinal));
}
