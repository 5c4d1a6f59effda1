using System.Runtime.InteropServices;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime.Tests;

/// <summary>
/// Every field of the hand-written bpf(2) layouts in Interop/BpfAttr.cs is checked against the installed uapi
/// headers, by offset and by size, and every struct is at least as large as the C member it mirrors.
/// </summary>
public sealed class BpfAttrLayoutTests
{
    private const string Attr = "union bpf_attr";

    private static readonly (Type Type, string Field, string CType, string CField)[] Fields =
    [
        .. Member<MapCreateAttr>(Attr,
            ("MapType", "map_type"), ("KeySize", "key_size"), ("ValueSize", "value_size"), ("MaxEntries", "max_entries"),
            ("MapFlags", "map_flags"), ("InnerMapFd", "inner_map_fd"), ("NumaNode", "numa_node"), ("MapName", "map_name"),
            ("MapIfIndex", "map_ifindex"), ("BtfFd", "btf_fd"), ("BtfKeyTypeId", "btf_key_type_id"),
            ("BtfValueTypeId", "btf_value_type_id"), ("BtfVmlinuxValueTypeId", "btf_vmlinux_value_type_id"),
            ("MapExtra", "map_extra")),
        .. Member<MapElemAttr>(Attr, ("MapFd", "map_fd"), ("Key", "key"), ("Value", "value"), ("NextKey", "next_key"), ("Flags", "flags")),
        .. Member<MapFreezeAttr>(Attr, ("MapFd", "map_fd")),
        .. Member<MapBatchAttr>(Attr,
            ("InBatch", "batch.in_batch"), ("OutBatch", "batch.out_batch"), ("Keys", "batch.keys"), ("Values", "batch.values"),
            ("Count", "batch.count"), ("MapFd", "batch.map_fd"), ("ElemFlags", "batch.elem_flags"), ("Flags", "batch.flags")),
        .. Member<ProgLoadAttr>(Attr,
            ("ProgType", "prog_type"), ("InsnCnt", "insn_cnt"), ("Insns", "insns"), ("License", "license"),
            ("LogLevel", "log_level"), ("LogSize", "log_size"), ("LogBuf", "log_buf"), ("KernVersion", "kern_version"),
            ("ProgFlags", "prog_flags"), ("ProgName", "prog_name"), ("ProgIfIndex", "prog_ifindex"),
            ("ExpectedAttachType", "expected_attach_type"), ("ProgBtfFd", "prog_btf_fd"),
            ("FuncInfoRecSize", "func_info_rec_size"), ("FuncInfo", "func_info"), ("FuncInfoCnt", "func_info_cnt"),
            ("LineInfoRecSize", "line_info_rec_size"), ("LineInfo", "line_info"), ("LineInfoCnt", "line_info_cnt"),
            ("AttachBtfId", "attach_btf_id"), ("AttachProgFd", "attach_prog_fd"), ("AttachBtfObjFd", "attach_btf_obj_fd"),
            ("CoreReloCnt", "core_relo_cnt"), ("FdArray", "fd_array"), ("CoreRelos", "core_relos"),
            ("CoreReloRecSize", "core_relo_rec_size")),
        .. Member<ObjPinAttr>(Attr, ("Pathname", "pathname"), ("BpfFd", "bpf_fd"), ("FileFlags", "file_flags")),
        .. Member<ProgTestRunAttr>(Attr,
            ("ProgFd", "test.prog_fd"), ("Retval", "test.retval"), ("DataSizeIn", "test.data_size_in"),
            ("DataSizeOut", "test.data_size_out"), ("DataIn", "test.data_in"), ("DataOut", "test.data_out"),
            ("Repeat", "test.repeat"), ("Duration", "test.duration"), ("CtxSizeIn", "test.ctx_size_in"),
            ("CtxSizeOut", "test.ctx_size_out"), ("CtxIn", "test.ctx_in"), ("CtxOut", "test.ctx_out"),
            ("Flags", "test.flags"), ("Cpu", "test.cpu"), ("BatchSize", "test.batch_size")),
        .. Member<ObjGetInfoAttr>(Attr, ("BpfFd", "info.bpf_fd"), ("InfoLen", "info.info_len"), ("Info", "info.info")),
        .. Member<GetFdByIdAttr>(Attr, ("Id", "map_id"), ("NextId", "next_id"), ("OpenFlags", "open_flags")),
        .. Member<RawTracepointOpenAttr>(Attr, ("Name", "raw_tracepoint.name"), ("ProgFd", "raw_tracepoint.prog_fd")),
        .. Member<BtfLoadAttr>(Attr,
            ("Btf", "btf"), ("BtfLogBuf", "btf_log_buf"), ("BtfSize", "btf_size"), ("BtfLogSize", "btf_log_size"),
            ("BtfLogLevel", "btf_log_level")),
        .. Member<LinkCreateAttr>(Attr,
            ("ProgFd", "link_create.prog_fd"), ("TargetFd", "link_create.target_fd"),
            ("TargetIfIndex", "link_create.target_ifindex"), ("AttachType", "link_create.attach_type"),
            ("Flags", "link_create.flags"), ("TargetBtfId", "link_create.target_btf_id"),
            ("IterInfo", "link_create.iter_info"), ("IterInfoLen", "link_create.iter_info_len"),
            ("PerfEventBpfCookie", "link_create.perf_event.bpf_cookie"),
            ("KprobeMultiFlags", "link_create.kprobe_multi.flags"), ("KprobeMultiCnt", "link_create.kprobe_multi.cnt"),
            ("KprobeMultiSyms", "link_create.kprobe_multi.syms"), ("KprobeMultiAddrs", "link_create.kprobe_multi.addrs"),
            ("KprobeMultiCookies", "link_create.kprobe_multi.cookies"), ("TracingCookie", "link_create.tracing.cookie"),
            // Newer than the installed header: tcx's relative_fd and expected_revision share these slots.
            ("TcxRelativeFd", "link_create.target_btf_id"), ("TcxExpectedRevision", "link_create.tracing.cookie")),
        .. Member<BpfProgInfo>("struct bpf_prog_info",
            ("Type", "type"), ("Id", "id"), ("Tag", "tag"), ("JitedProgLen", "jited_prog_len"),
            ("XlatedProgLen", "xlated_prog_len"), ("JitedProgInsns", "jited_prog_insns"),
            ("XlatedProgInsns", "xlated_prog_insns"), ("LoadTime", "load_time"), ("CreatedByUid", "created_by_uid"),
            ("NrMapIds", "nr_map_ids"), ("MapIds", "map_ids"), ("Name", "name"), ("IfIndex", "ifindex"),
            ("NetnsDev", "netns_dev"), ("NetnsIno", "netns_ino"), ("NrJitedKsyms", "nr_jited_ksyms"),
            ("NrJitedFuncLens", "nr_jited_func_lens"), ("JitedKsyms", "jited_ksyms"), ("JitedFuncLens", "jited_func_lens"),
            ("BtfId", "btf_id"), ("FuncInfoRecSize", "func_info_rec_size"), ("FuncInfo", "func_info"),
            ("NrFuncInfo", "nr_func_info"), ("NrLineInfo", "nr_line_info"), ("LineInfo", "line_info"),
            ("JitedLineInfo", "jited_line_info"), ("NrJitedLineInfo", "nr_jited_line_info"),
            ("LineInfoRecSize", "line_info_rec_size"), ("JitedLineInfoRecSize", "jited_line_info_rec_size"),
            ("NrProgTags", "nr_prog_tags"), ("ProgTags", "prog_tags"), ("RunTimeNs", "run_time_ns"),
            ("RunCnt", "run_cnt"), ("RecursionMisses", "recursion_misses"), ("VerifiedInsns", "verified_insns"),
            ("AttachBtfObjId", "attach_btf_obj_id"), ("AttachBtfId", "attach_btf_id")),
        .. Member<BpfMapInfo>("struct bpf_map_info",
            ("Type", "type"), ("Id", "id"), ("KeySize", "key_size"), ("ValueSize", "value_size"),
            ("MaxEntries", "max_entries"), ("MapFlags", "map_flags"), ("Name", "name"), ("IfIndex", "ifindex"),
            ("BtfVmlinuxValueTypeId", "btf_vmlinux_value_type_id"), ("NetnsDev", "netns_dev"), ("NetnsIno", "netns_ino"),
            ("BtfId", "btf_id"), ("BtfKeyTypeId", "btf_key_type_id"), ("BtfValueTypeId", "btf_value_type_id"),
            ("MapExtra", "map_extra")),
        .. Member<PerfEventAttr>("struct perf_event_attr",
            ("Type", "type"), ("Size", "size"), ("Config", "config"), ("SamplePeriod", "sample_period"),
            ("SampleType", "sample_type"), ("ReadFormat", "read_format"), ("WakeupEvents", "wakeup_events"),
            ("BpType", "bp_type"), ("Config1", "config1"), ("Config2", "config2")),
    ];

    /// <summary>Whole structs whose C size is known: the info structs, and named members of the union.</summary>
    private static readonly (Type Type, string CSize)[] Sizes =
    [
        (typeof(BpfProgInfo), "sizeof(struct bpf_prog_info)"),
        (typeof(BpfMapInfo), "sizeof(struct bpf_map_info)"),
        (typeof(PerfEventAttr), "sizeof(struct perf_event_attr)"),
        (typeof(ProgTestRunAttr), "sizeof(((union bpf_attr *)0)->test)"),
        (typeof(ObjGetInfoAttr), "sizeof(((union bpf_attr *)0)->info)"),
        (typeof(RawTracepointOpenAttr), "sizeof(((union bpf_attr *)0)->raw_tracepoint)"),
        (typeof(MapBatchAttr), "sizeof(((union bpf_attr *)0)->batch)"),
    ];

    [Fact]
    public void Offsets_and_sizes_match_the_kernel_headers()
    {
        if (!CProbe.HasCompiler())
        {
            if (Kernel.InCi)
                Assert.Fail("gcc is needed to check the bpf_attr layouts against the kernel headers.");
            Assert.Skip("gcc is not installed");
        }

        var expressions = new List<string>();
        foreach (var (_, _, cType, cField) in Fields)
        {
            expressions.Add($"offsetof({cType}, {cField})");
            expressions.Add($"sizeof((({cType} *)0)->{cField})");
        }
        foreach (var (_, cSize) in Sizes)
            expressions.Add(cSize);
        var values = CProbe.Evaluate(["linux/bpf.h", "linux/perf_event.h"], expressions);

        var mismatches = new List<string>();
        for (int i = 0; i < Fields.Length; i++)
        {
            var (type, field, cType, cField) = Fields[i];
            long offset = Marshal.OffsetOf(type, field).ToInt64();
            long size = Marshal.SizeOf(type.GetField(field)!.FieldType);
            long cOffset = values[2 * i], cSize = values[2 * i + 1];
            if (offset != cOffset || size != cSize)
                mismatches.Add($"{type.Name}.{field}: offset {offset} size {size}; {cType} {cField}: offset {cOffset} size {cSize}");
            if (offset + size > Marshal.SizeOf(type))
                mismatches.Add($"{type.Name}.{field} ends past the struct's size {Marshal.SizeOf(type)}");
        }
        for (int i = 0; i < Sizes.Length; i++)
        {
            var (type, cSize) = Sizes[i];
            long expected = values[2 * Fields.Length + i];
            if (Marshal.SizeOf(type) != expected)
                mismatches.Add($"sizeof {type.Name} is {Marshal.SizeOf(type)}; {cSize} is {expected}");
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Fields_newer_than_the_header_follow_their_predecessors()
    {
        Assert.Equal(Marshal.OffsetOf<ProgLoadAttr>(nameof(ProgLoadAttr.CoreReloRecSize)) + 4,
            Marshal.OffsetOf<ProgLoadAttr>(nameof(ProgLoadAttr.LogTrueSize)));
        Assert.Equal(Marshal.OffsetOf<BtfLoadAttr>(nameof(BtfLoadAttr.BtfLogLevel)) + 4,
            Marshal.OffsetOf<BtfLoadAttr>(nameof(BtfLoadAttr.BtfLogTrueSize)));
    }

    private static IEnumerable<(Type, string, string, string)> Member<T>(string cType, params (string Field, string CField)[] fields) =>
        fields.Select(f => (typeof(T), f.Field, cType, f.CField));
}
