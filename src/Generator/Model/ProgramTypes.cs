using System.Collections.Generic;
using System.Linq;

namespace BpfSharp.Generator.Model;

/// <summary>What a program-type attribute means: the kind, the section libbpf expects, and the signature it requires.</summary>
/// <param name="AttributeName">Metadata name of the attribute, e.g. <c>BpfSharp.RawTracepointAttribute</c>.</param>
/// <param name="Kind">The program kind.</param>
/// <param name="SectionPrefix">libbpf's section prefix; the attribute's target follows a slash when there is one.</param>
/// <param name="ContextType">Metadata name of the context parameter's type.</param>
/// <param name="ReturnType">The C# keyword or metadata name of the return type.</param>
/// <param name="TargetSeparator">What joins the attribute's string arguments into the attach target (uprobe: <c>PATH:SYMBOL</c>).</param>
internal sealed record ProgramTypeInfo(string AttributeName, ProgramKind Kind, string SectionPrefix, string ContextType, string ReturnType,
    string TargetSeparator = "/")
{
    public string ContextTypeShortName => ContextType.Substring(ContextType.LastIndexOf('.') + 1);
}

/// <summary>The table of program types, one row per attribute.</summary>
internal static class ProgramTypes
{
    public static readonly IReadOnlyList<ProgramTypeInfo> All = new[]
    {
        new ProgramTypeInfo("BpfSharp.RawTracepointAttribute", ProgramKind.RawTracepoint, "raw_tracepoint", "BpfSharp.RawTracepointContext", "int"),
        new ProgramTypeInfo("BpfSharp.TracepointAttribute", ProgramKind.Tracepoint, "tracepoint", "BpfSharp.TracepointContext<T>", "int"),
        // libbpf spells an absolute path after the prefix's slash: uprobe//usr/lib/libc.so.6:malloc.
        new ProgramTypeInfo("BpfSharp.UprobeAttribute", ProgramKind.Uprobe, "uprobe", "BpfSharp.PtRegs", "int", ":"),
        new ProgramTypeInfo("BpfSharp.UretprobeAttribute", ProgramKind.Uretprobe, "uretprobe", "BpfSharp.PtRegs", "int", ":"),
        new ProgramTypeInfo("BpfSharp.KprobeAttribute", ProgramKind.Kprobe, "kprobe", "BpfSharp.PtRegs", "int"),
        new ProgramTypeInfo("BpfSharp.KretprobeAttribute", ProgramKind.Kretprobe, "kretprobe", "BpfSharp.PtRegs", "int"),
        new ProgramTypeInfo("BpfSharp.PerfEventAttribute", ProgramKind.PerfEvent, "perf_event", "BpfSharp.PerfEventContext", "int"),
        new ProgramTypeInfo("BpfSharp.FentryAttribute", ProgramKind.Fentry, "fentry", "BpfSharp.TracingContext", "int"),
        new ProgramTypeInfo("BpfSharp.FexitAttribute", ProgramKind.Fexit, "fexit", "BpfSharp.TracingContext", "int"),
        new ProgramTypeInfo("BpfSharp.XdpAttribute", ProgramKind.Xdp, "xdp", "BpfSharp.XdpContext", "BpfSharp.XdpAction"),
        new ProgramTypeInfo("BpfSharp.TcAttribute", ProgramKind.Tc, "tcx", "BpfSharp.SkbContext", "BpfSharp.TcAction"),
        new ProgramTypeInfo("BpfSharp.SocketFilterAttribute", ProgramKind.SocketFilter, "socket", "BpfSharp.SkbContext", "int"),
        new ProgramTypeInfo("BpfSharp.CgroupSkbAttribute", ProgramKind.CgroupSkb, "cgroup_skb", "BpfSharp.SkbContext", "int"),
        new ProgramTypeInfo("BpfSharp.CgroupSockAttribute", ProgramKind.CgroupSock, "cgroup", "BpfSharp.SockContext", "int"),
    };

    private static readonly Dictionary<string, ProgramTypeInfo> s_byAttribute = All.ToDictionary(t => t.AttributeName);

    public static ProgramTypeInfo? ForAttribute(string metadataName) =>
        s_byAttribute.TryGetValue(metadataName, out var info) ? info : null;
}
