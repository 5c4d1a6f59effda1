using BpfSharp.Btf;
using BpfSharp.Elf;
using BpfSharp.Generator.Tests.Btf;
using BpfSharp.Tests.Generator;
using BpfSharp.Tests.Programs;

namespace BpfSharp.Tests.Maps;

/// <summary>The object of a class with maps and globals, read back: BTF types, map definitions, DATASECs, symbols, relocations.</summary>
public class MapObjectTests
{
    private static readonly Lazy<byte[]> s_object = new(() =>
    {
        var (result, _) = GeneratorHarness.Run(SharedPrograms.Source(nameof(MapsAndGlobals)));
        Assert.Empty(result.Diagnostics);
        return GeneratorHarness.ObjectOf(result, nameof(MapsAndGlobals));
    });

    private static ElfFile Elf => ElfFile.Parse(s_object.Value);

    private static BtfSpec Btf => BtfSpec.Parse(Elf.FindSection(".BTF")!.Data);

    [Fact]
    public void Map_definitions_decode_as_libbpf_reads_them()
    {
        var maps = BtfMapDefinition.ReadAll(Btf).ToDictionary(m => m.Map.Name);
        Assert.Equal(new[] { "Counts", "Slots", "PerSlot", "Routes", "Events", "Hits" }, maps.Keys);

        var counts = maps["Counts"].Map;
        Assert.Equal((1u, 4u, 8u, 1024u, 0u), (counts.Type, counts.KeySize, counts.ValueSize, counts.MaxEntries, counts.Flags));
        Assert.Equal(32u, maps["PerSlot"].Map.ValueSize);
        Assert.Equal((11u, 8u, 1u), (maps["Routes"].Map.Type, maps["Routes"].Map.KeySize, maps["Routes"].Map.Flags));
        Assert.Equal((27u, 0u, 0u, 16384u), (maps["Events"].Map.Type, maps["Events"].Map.KeySize, maps["Events"].Map.ValueSize, maps["Events"].Map.MaxEntries));
        Assert.Equal(6u, maps["Hits"].Map.Type);

        // The ELF symbol of each map sits where its DATASEC entry says.
        var section = Elf.Sections.Single(s => s.Name == ".maps");
        foreach (var (offset, map) in maps.Values)
        {
            var symbol = Elf.Symbols.Single(s => s.Name == map.Name);
            Assert.Equal((ulong)offset, symbol.Value);
            Assert.Equal(section.Index, (int)symbol.SectionIndex);
        }
    }

    [Fact]
    public void Value_struct_keeps_the_CSharp_field_names_offsets_and_fixed_buffer()
    {
        var spec = Btf;
        var stats = (BtfStruct)spec[spec.Find("Stats", BtfKind.Struct)];
        Assert.Equal(32u, stats.Size);
        Assert.Equal(new[] { ("Count", 0u), ("Last", 64u), ("Kind", 96u), ("Comm", 104u) }, stats.Members.Select(m => (m.Name, m.BitOffset)));
        var comm = (BtfArray)spec[stats.Members[3].Type];
        Assert.Equal(16u, comm.Count);
        var kind = (BtfEnum)spec[stats.Members[2].Type];
        Assert.Equal(new[] { "None", "Read", "Write" }, kind.Values.Select(v => v.Name));
        Assert.Equal(1u, kind.Size);
    }

    [Fact]
    public void Globals_are_described_by_datasecs_with_their_offsets_and_initial_bytes()
    {
        var spec = Btf;
        string[] VarsOf(string name) => ((BtfDataSec)spec[spec.Find(name, BtfKind.DataSec)]).Vars.Select(v => spec[v.Type].Name).ToArray();
        Assert.Equal(new[] { "Step" }, VarsOf(".rodata"));
        Assert.Equal(new[] { "Total" }, VarsOf(".data"));
        Assert.Equal(new[] { "Seen" }, VarsOf(".bss"));
        Assert.Equal(new byte[] { 2, 0, 0, 0 }, Elf.FindSection(".rodata")!.Data);
        Assert.Equal(5UL, BitConverter.ToUInt64(Elf.FindSection(".data")!.Data));
    }

    [Fact]
    public void Map_and_global_references_are_R_BPF_64_64_on_ld_imm64()
    {
        var elf = Elf;
        var program = elf.FindSection("raw_tracepoint/sys_enter")!;
        var relocations = elf.FindRelocationsFor(program.Index)!.Entries;
        var names = relocations.Select(r => elf.Symbols[r.SymbolIndex] is var s && s.Type == ElfSymbolType.Section ? elf.Sections[s.SectionIndex].Name : s.Name).ToList();
        Assert.Contains("Counts", names);
        Assert.Contains(".rodata", names);
        Assert.Contains(".data", names);
        Assert.Contains(".bss", names);
        Assert.All(relocations, r => Assert.Equal(ElfRelocationType.Bpf64_64, r.Type));
        var code = program.Data;
        Assert.All(relocations, r => Assert.Equal(0x18, code[(int)r.Offset])); // LD_IMM64
    }

    [Fact]
    public void Func_and_line_info_cover_the_program()
    {
        var spec = Btf;
        var func = (BtfFunc)spec[spec.Find("Count", BtfKind.Func)];
        Assert.Equal(BtfFuncLinkage.Global, func.Linkage);
        var ext = BtfExtSpec.Parse(Elf.FindSection(".BTF.ext")!.Data, spec);
        Assert.NotEmpty(ext.LineInfoFor("raw_tracepoint/sys_enter"));
        Assert.Single(ext.FuncInfoFor("raw_tracepoint/sys_enter"));
    }

    [Fact]
    public void Bpftool_dumps_our_btf()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bpfsharp-maps-{Environment.ProcessId}.o");
        File.WriteAllBytes(path, s_object.Value);
        try
        {
            var dump = BtfTools.Run("bpftool", "btf", "dump", "file", path, "format", "c");
            Assert.Contains("struct Stats {", dump);
            Assert.Contains("ulong Count;", dump);
            Assert.Contains("byte Comm[16];", dump);
            var raw = BtfTools.Run("bpftool", "btf", "dump", "file", path);
            Assert.Contains("DATASEC '.maps' size=184 vlen=6", raw);
            Assert.Contains("VAR 'Counts'", raw);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
