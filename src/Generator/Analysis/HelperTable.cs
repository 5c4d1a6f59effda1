using System.Collections.Generic;
using System.Linq;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// Which program types may call which kernel helpers, and which helpers are GPL-only: a summary of the kernel's
/// per-program-type <c>get_func_proto</c> lists (bpf_base_func_proto, bpf_tracing_func_proto, sk_filter/tc/xdp
/// func_proto in net/core/filter.c) and of each proto's <c>gpl_only</c> flag. A helper missing from the table is
/// not judged: the verifier will.
/// </summary>
internal static class HelperTable
{
    /// <summary>Families of program types that share a helper list, by the libbpf section prefix that selects them.</summary>
    internal enum Family { Tracing, SocketFilter, TrafficControl, Xdp, CgroupSkb, Other }

    internal sealed record Helper(int Id, string Name, bool GplOnly, Family[] Allowed);

    private static readonly Family[] All = { Family.Tracing, Family.SocketFilter, Family.TrafficControl, Family.Xdp, Family.CgroupSkb, Family.Other };
    private static readonly Family[] Tracing = { Family.Tracing };
    private static readonly Family[] Skb = { Family.SocketFilter, Family.TrafficControl, Family.CgroupSkb };
    private static readonly Family[] Tc = { Family.TrafficControl };
    private static readonly Family[] TcXdp = { Family.TrafficControl, Family.Xdp };
    private static readonly Family[] Xdp = { Family.Xdp };
    private static readonly Family[] Output = { Family.Tracing, Family.SocketFilter, Family.TrafficControl, Family.Xdp, Family.CgroupSkb };

    private static readonly Dictionary<int, Helper> s_byId = new[]
    {
        // bpf_base_func_proto: every program type (the printk and probe_read_kernel ones for CAP_PERFMON, which loading needs anyway).
        new Helper(1, "bpf_map_lookup_elem", false, All),
        new Helper(2, "bpf_map_update_elem", false, All),
        new Helper(3, "bpf_map_delete_elem", false, All),
        new Helper(5, "bpf_ktime_get_ns", false, All),
        new Helper(6, "bpf_trace_printk", true, All),
        new Helper(7, "bpf_get_prandom_u32", false, All),
        new Helper(8, "bpf_get_smp_processor_id", false, All),
        new Helper(12, "bpf_tail_call", false, All),
        new Helper(87, "bpf_map_push_elem", false, All),
        new Helper(88, "bpf_map_pop_elem", false, All),
        new Helper(89, "bpf_map_peek_elem", false, All),
        new Helper(113, "bpf_probe_read_kernel", true, All),
        new Helper(115, "bpf_probe_read_kernel_str", true, All),
        new Helper(125, "bpf_ktime_get_boot_ns", false, All),
        new Helper(130, "bpf_ringbuf_output", false, All),
        new Helper(131, "bpf_ringbuf_reserve", false, All),
        new Helper(132, "bpf_ringbuf_submit", false, All),
        new Helper(133, "bpf_ringbuf_discard", false, All),
        new Helper(134, "bpf_ringbuf_query", false, All),
        new Helper(177, "bpf_trace_vprintk", true, All),
        // bpf_tracing_func_proto: kprobes, tracepoints, raw tracepoints, perf events.
        new Helper(4, "bpf_probe_read", true, Tracing),
        new Helper(14, "bpf_get_current_pid_tgid", false, Tracing),
        new Helper(15, "bpf_get_current_uid_gid", false, Tracing),
        new Helper(16, "bpf_get_current_comm", false, Tracing),
        new Helper(27, "bpf_get_stackid", true, Tracing),
        new Helper(35, "bpf_get_current_task", true, Tracing),
        new Helper(36, "bpf_probe_write_user", true, Tracing),
        new Helper(45, "bpf_probe_read_str", true, Tracing),
        new Helper(67, "bpf_get_stack", true, Tracing),
        new Helper(109, "bpf_send_signal", false, Tracing),
        new Helper(112, "bpf_probe_read_user", true, Tracing),
        new Helper(114, "bpf_probe_read_user_str", true, Tracing),
        new Helper(158, "bpf_get_current_task_btf", true, Tracing),
        // Output to a perf event array: every family has its own variant (tracing, skb, xdp).
        new Helper(25, "bpf_perf_event_output", true, Output),
        // Socket buffers.
        new Helper(26, "bpf_skb_load_bytes", false, Skb),
        new Helper(9, "bpf_skb_store_bytes", false, Tc),
        new Helper(10, "bpf_l3_csum_replace", false, Tc),
        new Helper(11, "bpf_l4_csum_replace", false, Tc),
        new Helper(13, "bpf_clone_redirect", false, Tc),
        new Helper(43, "bpf_skb_change_head", false, Tc),
        new Helper(23, "bpf_redirect", false, TcXdp),
        new Helper(28, "bpf_csum_diff", false, new[] { Family.TrafficControl, Family.Xdp, Family.SocketFilter }),
        // XDP.
        new Helper(44, "bpf_xdp_adjust_head", false, Xdp),
        new Helper(51, "bpf_redirect_map", false, Xdp),
        new Helper(54, "bpf_xdp_adjust_meta", false, Xdp),
        new Helper(65, "bpf_xdp_adjust_tail", false, Xdp),
    }.ToDictionary(h => h.Id);

    public static Helper? Find(int id) => s_byId.TryGetValue(id, out var helper) ? helper : null;

    /// <summary>The family a section selects, by libbpf's section prefix (the part before the first slash).</summary>
    public static Family FamilyOf(string section)
    {
        int slash = section.IndexOf('/');
        string prefix = slash < 0 ? section : section.Substring(0, slash);
        switch (prefix)
        {
            case "kprobe": case "kretprobe": case "uprobe": case "uretprobe": case "ksyscall": case "kretsyscall":
            case "tracepoint": case "tp": case "raw_tracepoint": case "raw_tp": case "raw_tracepoint.w": case "raw_tp.w":
            case "perf_event": case "usdt":
                return Family.Tracing;
            case "socket": return Family.SocketFilter;
            case "tc": case "tcx": case "classifier": case "action": case "tc/ingress": case "tc/egress":
                return Family.TrafficControl;
            case "xdp": case "xdp.frags": return Family.Xdp;
            case "cgroup_skb": return Family.CgroupSkb;
            default: return Family.Other;
        }
    }

    public static string Describe(Family family) => family switch
    {
        Family.Tracing => "tracing (kprobe, tracepoint, raw tracepoint)",
        Family.SocketFilter => "socket filter",
        Family.TrafficControl => "traffic control (tc)",
        Family.Xdp => "XDP",
        Family.CgroupSkb => "cgroup skb",
        _ => "this type of",
    };

    /// <summary>Licenses the kernel treats as GPL-compatible (license_is_gpl_compatible in include/linux/license.h).</summary>
    public static bool IsGplCompatible(string license) => license is "GPL" or "GPL v2" or "GPL and additional rights"
        or "Dual BSD/GPL" or "Dual MIT/GPL" or "Dual MPL/GPL";
}
