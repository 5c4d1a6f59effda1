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
    };

    public static Kind? Find(string section) =>
        s_kinds.FirstOrDefault(k => section == k.Prefix || section.StartsWith(k.Prefix + "/", StringComparison.Ordinal));
}
