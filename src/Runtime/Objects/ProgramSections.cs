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
        new("xdp.frags", ProgramType.Xdp, AttachType.Xdp),
        new("xdp", ProgramType.Xdp, AttachType.Xdp),
        new("tcx/ingress", ProgramType.SchedCls, AttachType.TcxIngress),
        new("tcx/egress", ProgramType.SchedCls, AttachType.TcxEgress),
        new("tc/ingress", ProgramType.SchedCls, AttachType.TcxIngress),
        new("tc/egress", ProgramType.SchedCls, AttachType.TcxEgress),
        new("tc", ProgramType.SchedCls, null),
        new("classifier", ProgramType.SchedCls, null),
        new("socket", ProgramType.SocketFilter, null),
        new("cgroup_skb/ingress", ProgramType.CgroupSkb, AttachType.CgroupInetIngress),
        new("cgroup_skb/egress", ProgramType.CgroupSkb, AttachType.CgroupInetEgress),
        new("cgroup/skb", ProgramType.CgroupSkb, null),
        new("cgroup/sock_create", ProgramType.CgroupSock, AttachType.CgroupInetSockCreate),
        new("cgroup/sock_release", ProgramType.CgroupSock, AttachType.CgroupInetSockRelease),
        new("cgroup/sock", ProgramType.CgroupSock, AttachType.CgroupInetSockCreate),
        new("cgroup/post_bind4", ProgramType.CgroupSock, AttachType.CgroupInet4PostBind),
        new("cgroup/post_bind6", ProgramType.CgroupSock, AttachType.CgroupInet6PostBind),
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
