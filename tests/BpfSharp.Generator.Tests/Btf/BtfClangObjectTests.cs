using System.Text.RegularExpressions;
using BpfSharp.Btf;

namespace BpfSharp.Generator.Tests.Btf;

/// <summary>BTF as clang writes it for a libbpf-style program: a BTF-defined hash map, a subprogram, line info.</summary>
public class BtfClangObjectTests
{
    private const string Source = """
        #include <linux/bpf.h>
        #define SEC(name) __attribute__((section(name), used))
        #define __uint(name, val) int (*name)[val]
        #define __type(name, val) typeof(val) *name

        struct value {
            __u64 packets;
            __u32 bytes;
            char comm[16];
        };

        struct {
            __uint(type, BPF_MAP_TYPE_HASH);
            __uint(max_entries, 1024);
            __type(key, __u32);
            __type(value, struct value);
            __uint(map_flags, BPF_F_NO_PREALLOC);
            __uint(pinning, 1);
        } stats SEC(".maps");

        static void *(*bpf_map_lookup_elem)(void *map, const void *key) = (void *) 1;

        static __attribute__((noinline)) int scale(int x)
        {
            return x * 3;
        }

        SEC("xdp")
        int count(struct xdp_md *ctx)
        {
            __u32 key = ctx->ingress_ifindex;
            struct value *v = bpf_map_lookup_elem(&stats, &key);
            if (!v)
                return XDP_PASS;
            v->packets += scale(key);
            v->bytes += ctx->data_end - ctx->data;
            return XDP_PASS;
        }

        char LICENSE[] SEC("license") = "GPL";
        """;

    [Fact]
    public void Types_decode_as_bpftool_dumps_them()
    {
        using var dir = BtfTools.CreateTempDir();
        var (btf, _, obj) = BtfTools.CompileBpf(dir, Source);

        var spec = BtfSpec.Parse(btf);

        Assert.Equal(BtfTools.Run("bpftool", "btf", "dump", "file", obj, "format", "raw"), BtfRawDump.Render(spec));
    }

    [Fact]
    public void Reencoded_clang_types_read_back_the_same_through_bpftool()
    {
        using var dir = BtfTools.CreateTempDir();
        var (btf, _, obj) = BtfTools.CompileBpf(dir, Source);
        var b = new BtfBuilder(deduplicate: false);
        foreach (var (_, type) in BtfSpec.Parse(btf).Types)
            b.Add(type);
        var rebuilt = dir.File("rebuilt.btf");
        File.WriteAllBytes(rebuilt, b.Build());

        Assert.Equal(
            BtfTools.Run("bpftool", "btf", "dump", "file", obj, "format", "raw"),
            BtfTools.Run("bpftool", "btf", "dump", "file", rebuilt, "format", "raw"));
    }

    [Fact]
    public void Btf_defined_hash_map_is_read_from_the_maps_section()
    {
        using var dir = BtfTools.CreateTempDir();
        var spec = BtfSpec.Parse(BtfTools.CompileBpf(dir, Source).Btf);

        var (offset, map) = Assert.Single(BtfMapDefinition.ReadAll(spec));

        Assert.Equal(0u, offset);
        Assert.Equal("stats", map.Name);
        Assert.Equal(1u, map.Type);          // BPF_MAP_TYPE_HASH
        Assert.Equal(4u, map.KeySize);
        Assert.Equal(32u, map.ValueSize);    // 8 + 4 + 16, padded to 8
        Assert.Equal(1024u, map.MaxEntries);
        Assert.Equal(1u, map.Flags);         // BPF_F_NO_PREALLOC
        Assert.Equal(1u, map.Pinning);       // LIBBPF_PIN_BY_NAME
        Assert.Equal("__u32", spec[map.KeyTypeId].Name);
        var value = Assert.IsType<BtfStruct>(spec[map.ValueTypeId]);
        Assert.Equal("value", value.Name);
        Assert.Equal(["packets", "bytes", "comm"], value.Members.Select(m => m.Name));
    }

    [Fact]
    public void Func_info_names_each_function_symbol_at_its_offset()
    {
        using var dir = BtfTools.CreateTempDir();
        var (btf, extBytes, obj) = BtfTools.CompileBpf(dir, Source);
        var spec = BtfSpec.Parse(btf);
        var ext = BtfExtSpec.Parse(extBytes, spec);

        // llvm-objdump -t: "<value> <flags> F <section> <size> <name>" for every function symbol.
        var expected = Regex.Matches(BtfTools.Run("llvm-objdump", "-t", obj), @"^([0-9a-f]{16}) [lg] +F (\S+)\s+[0-9a-f]+ (\S+)$", RegexOptions.Multiline)
            .Select(m => (Section: m.Groups[2].Value, Offset: Convert.ToUInt32(m.Groups[1].Value, 16), Name: m.Groups[3].Value))
            .OrderBy(f => f.Section, StringComparer.Ordinal).ThenBy(f => f.Offset)
            .ToList();
        var actual = ext.FuncInfo
            .SelectMany(s => s.Records.Select(r => (Section: s.Name, Offset: r.InsnOffset, Name: Assert.IsType<BtfFunc>(spec[r.TypeId]).Name)))
            .OrderBy(f => f.Section, StringComparer.Ordinal).ThenBy(f => f.Offset)
            .ToList();

        Assert.Equal([(".text", 0u, "scale"), ("xdp", 0u, "count")], expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Line_info_agrees_with_the_dwarf_lines_llvm_objdump_shows()
    {
        using var dir = BtfTools.CreateTempDir();
        var (btf, extBytes, obj) = BtfTools.CompileBpf(dir, Source);
        var spec = BtfSpec.Parse(btf);
        var ext = BtfExtSpec.Parse(extBytes, spec);
        var dwarf = ObjdumpLines(BtfTools.Run("llvm-objdump", "-d", "-l", "--no-show-raw-insn", obj));
        var sourceLines = Source.Split('\n');

        Assert.Equal([".text", "xdp"], ext.LineInfo.Select(s => s.Name).Order(StringComparer.Ordinal));
        foreach (var section in ext.LineInfo)
        {
            var records = section.Records;
            var annotations = dwarf.Where(d => d.Section == section.Name).ToList();
            Assert.NotEmpty(annotations);

            // A function's first record carries its declaration line (DWARF puts the prologue on the brace after it).
            Assert.Equal(0u, records[0].InsnOffset);
            string function = spec[ext.FuncInfoFor(section.Name)[0].TypeId].Name;
            Assert.InRange(records[0].Line, 1u, (uint)sourceLines.Length);
            Assert.Contains(function + "(", sourceLines[records[0].Line - 1]);

            // Every later line change objdump shows starts a BTF record with the same line ...
            foreach (var (_, insn, line) in annotations.Skip(1))
                Assert.Contains(records, r => r.InsnOffset == insn * 8 && r.Line == line);

            // ... and every later BTF record (BTF adds one per column change) names the DWARF line in effect there.
            foreach (var r in records.Skip(1).Where(r => r.Line != 0))
            {
                var inEffect = annotations.Last(a => a.Insn <= r.InsnOffset / 8).Line;
                Assert.Equal(inEffect, r.Line);
                Assert.EndsWith("prog.c", spec.GetString(r.FileNameOffset));
                Assert.Equal(sourceLines[r.Line - 1].Trim(), spec.GetString(r.LineOffset).Trim());
                Assert.InRange(r.Column, 1u, (uint)sourceLines[r.Line - 1].Length + 1);
            }
        }
        Assert.Empty(ext.CoreRelos);
    }

    [Fact]
    public void Line_and_func_info_convert_to_instruction_indices_for_the_loader()
    {
        using var dir = BtfTools.CreateTempDir();
        var (btf, extBytes, _) = BtfTools.CompileBpf(dir, Source);
        var ext = BtfExtSpec.Parse(extBytes, BtfSpec.Parse(btf));

        // The loader puts xdp's 26 instructions first and appends .text (scale) after them.
        var funcs = BtfLoadInfo.FuncInfo(ext.FuncInfoFor("xdp"), 0, 26 * 8, 0);
        funcs.AddRange(BtfLoadInfo.FuncInfo(ext.FuncInfoFor(".text"), 0, 3 * 8, 26));
        var lines = BtfLoadInfo.LineInfo(ext.LineInfoFor("xdp"), 0, 26 * 8, 0);
        lines.AddRange(BtfLoadInfo.LineInfo(ext.LineInfoFor(".text"), 0, 3 * 8, 26));

        Assert.Equal([0u, 26u], funcs.Select(f => f.InsnIndex));
        Assert.Equal(
            ext.LineInfoFor("xdp").Select(r => r.InsnOffset / 8).Concat(ext.LineInfoFor(".text").Select(r => 26 + r.InsnOffset / 8)),
            lines.Select(l => l.InsnIndex));
        Assert.All(lines, l => Assert.InRange(l.InsnIndex, 0u, 28u));
        var bytes = BtfLoadInfo.Encode(lines);
        int last = lines.Count - 1;
        Assert.Equal(lines.Count * 16, bytes.Length);
        Assert.Equal(lines[last].InsnIndex, BitConverter.ToUInt32(bytes, last * 16));
        Assert.Equal(ext.LineInfoFor(".text")[^1].LineColumn, BitConverter.ToUInt32(bytes, last * 16 + 12));
    }

    /// <summary>
    /// (section, instruction index, line) for every "; file:line" annotation llvm-objdump prints from DWARF,
    /// in section order (xdp before .text is not guaranteed, so sections come in the order objdump lists them).
    /// </summary>
    private static List<(string Section, uint Insn, uint Line)> ObjdumpLines(string listing)
    {
        var result = new List<(string, uint, uint)>();
        string section = "";
        uint? pendingLine = null;
        foreach (var line in listing.Split('\n'))
        {
            if (Regex.Match(line, @"^Disassembly of section (\S+):") is { Success: true } s)
                section = s.Groups[1].Value;
            else if (Regex.Match(line, @"^; .*prog\.c:(\d+)") is { Success: true } l)
                pendingLine = uint.Parse(l.Groups[1].Value);
            else if (pendingLine is { } n && Regex.Match(line, @"^\s+(\d+):") is { Success: true } i)
            {
                result.Add((section, uint.Parse(i.Groups[1].Value), n));
                pendingLine = null;
            }
        }
        return result;
    }
}
