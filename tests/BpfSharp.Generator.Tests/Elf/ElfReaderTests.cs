using BpfSharp.Elf;
using BpfSharp.Tests;

namespace BpfSharp.Generator.Tests.Elf;

/// <summary>Reads clang-built objects and checks every section, symbol and relocation against binutils readelf.</summary>
public sealed class ElfReaderTests
{
    private const string Program = """
        struct { int type; int max_entries; int *key; u64 *value; } counts SEC(".maps");
        int global_counter;                 /* .bss: NOBITS */
        int initialised = 7;                /* .data */
        const char message[] = "hello %d";  /* .rodata */

        static __attribute__((noinline)) int twice(int x) { return x * 2 + initialised; }

        SEC("raw_tracepoint/sys_enter")
        int on_enter(void *ctx)
        {
            int key = 0;
            u64 one = 1;
            u64 *v = bpf_map_lookup_elem(&counts, &key);
            if (v)
                __sync_fetch_and_add(v, 1);
            else
                bpf_map_update_elem(&counts, &key, &one, 0);
            global_counter += twice(key);
            bpf_trace_printk(message, sizeof(message), key);
            return 0;
        }

        SEC("xdp")
        int pass(struct xdp_md *ctx) { return ctx->data_end - ctx->data > 14 ? XDP_PASS : XDP_DROP; }
        """;

    [Fact]
    public void Sections_match_readelf()
    {
        Tools.Require("clang", "readelf");
        using var dir = Tools.CreateTempDirectory();
        string path = ClangObjects.Compile(dir, "prog", Program);
        var elf = ElfFile.Parse(File.ReadAllBytes(path));
        var expected = ReadElf.Sections(path);

        Assert.Equal(expected.Count, elf.Sections.Count);
        foreach (var e in expected)
        {
            var s = elf.Sections[e.Index];
            Assert.Equal(e.Name, s.Name);
            Assert.Equal(e.Size, s.Size);
            Assert.Equal(e.Link, s.Link);
            Assert.Equal(e.Info, s.Info);
            Assert.Equal(e.Align, s.Alignment);
            Assert.Equal(Convert.ToUInt64(e.EntrySize, 16), s.EntrySize);
            Assert.Equal(e.Flags.Contains('X'), s.Flags.HasFlag(ElfSectionFlags.ExecInstr));
            Assert.Equal(e.Flags.Contains('W'), s.Flags.HasFlag(ElfSectionFlags.Write));
            Assert.Equal(e.Flags.Contains('A'), s.Flags.HasFlag(ElfSectionFlags.Alloc));
            Assert.Equal(e.Flags.Contains('I'), s.Flags.HasFlag(ElfSectionFlags.InfoLink));
            string? type = s.Type switch
            {
                ElfSectionType.Null => "NULL", ElfSectionType.ProgBits => "PROGBITS", ElfSectionType.SymTab => "SYMTAB",
                ElfSectionType.StrTab => "STRTAB", ElfSectionType.NoBits => "NOBITS", ElfSectionType.Rel => "REL",
                _ => null,
            };
            if (type is not null)
                Assert.Equal(type, e.Type);
            if (s.Type != ElfSectionType.NoBits)
                Assert.Equal((int)s.Size, s.Data.Length);
        }
        Assert.Equal(ElfSectionType.NoBits, elf.FindSection(".bss")!.Type);
        Assert.Empty(elf.FindSection(".bss")!.Data);
    }

    [Fact]
    public void Symbols_match_readelf()
    {
        Tools.Require("clang", "readelf");
        using var dir = Tools.CreateTempDirectory();
        string path = ClangObjects.Compile(dir, "prog", Program);
        var elf = ElfFile.Parse(File.ReadAllBytes(path));
        var expected = ReadElf.Symbols(path);

        Assert.Equal(expected.Count, elf.Symbols.Count);
        foreach (var e in expected)
        {
            var s = elf.Symbols[e.Index];
            Assert.Equal(e.Value, s.Value);
            Assert.Equal(e.Size, s.Size);
            Assert.Equal(e.Type, s.Type.ToString().ToUpperInvariant());
            Assert.Equal(e.Bind, s.Binding.ToString().ToUpperInvariant());
            Assert.Equal(e.Visibility, s.Visibility.ToString().ToUpperInvariant());
            string shndx = s.SectionIndex switch { 0 => "UND", 0xfff1 => "ABS", var n => n.ToString() };
            Assert.Equal(e.SectionIndex, shndx);
            // readelf names section symbols after their section; the symbol's own name is empty.
            Assert.Equal(e.Name, s.Type == ElfSymbolType.Section ? elf.Sections[s.SectionIndex].Name : s.Name);
        }
        Assert.Contains(elf.Symbols, s => s is { Name: "on_enter", Type: ElfSymbolType.Func, Binding: ElfSymbolBinding.Global });
        Assert.Contains(elf.Symbols, s => s is { Name: "counts", Type: ElfSymbolType.Object });
    }

    [Fact]
    public void Relocations_match_readelf()
    {
        Tools.Require("clang", "readelf");
        using var dir = Tools.CreateTempDirectory();
        string path = ClangObjects.Compile(dir, "prog", Program);
        var elf = ElfFile.Parse(File.ReadAllBytes(path));
        var expected = ReadElf.Relocations(path);

        var actual = elf.RelocationSections
            .SelectMany(r => r.Entries.Select(e => (r.Name, e)))
            .ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Section, actual[i].Name);
            Assert.Equal(expected[i].Offset, actual[i].e.Offset);
            Assert.Equal(expected[i].SymbolIndex, (uint)actual[i].e.SymbolIndex);
            Assert.Equal(expected[i].Type, (uint)actual[i].e.Type);
        }

        // The program's map and global-data references are R_BPF_64_64 on LD_IMM64, calls to twice are R_BPF_64_32.
        int program = elf.FindSection("raw_tracepoint/sys_enter")!.Index;
        var rels = elf.FindRelocationsFor(program)!.Entries;
        Assert.Contains(rels, r => r.Type == ElfRelocationType.Bpf64_64 && elf.Symbols[r.SymbolIndex].Name == "counts");
        Assert.Contains(rels, r => r.Type == ElfRelocationType.Bpf64_32);
        Assert.Contains(elf.FindRelocationsFor(elf.FindSection(".BTF")!.Index)!.Entries, r => r.Type == ElfRelocationType.Bpf64_NoDyld32);
    }
}
