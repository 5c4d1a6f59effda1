using System.Text;
using BpfSharp.Asm;
using A = BpfSharp.Asm.Asm;
using BpfSharp.Elf;
using BpfSharp.Tests;

namespace BpfSharp.Generator.Tests.Elf;

/// <summary>Writes objects shaped like the generator's output and checks that readelf, llvm-objdump and our reader agree on them.</summary>
public sealed class ElfWriterTests
{
    /// <summary>r1 = map ll; r2 = 0; call 1 (map lookup); r0 = 0; exit — with the map reference in slot 0 relocated.</summary>
    private static byte[] ProgramCode()
    {
        var (lo, hi) = A.LoadImm64(Register.R1, 0);
        return Instruction.Encode(new[] { lo, hi, A.Mov64(Register.R2, 0), A.Call(1), A.Mov64(Register.R0, 0), A.Exit() });
    }

    internal static byte[] SampleObject()
    {
        var w = new ElfWriter();
        int prog = w.AddSection("raw_tracepoint/sys_enter", ElfSectionType.ProgBits, ElfSectionFlags.Alloc | ElfSectionFlags.ExecInstr, ProgramCode(), alignment: 8);
        int license = w.AddSection("license", ElfSectionType.ProgBits, ElfSectionFlags.Alloc | ElfSectionFlags.Write, Encoding.ASCII.GetBytes("GPL\0"));
        int maps = w.AddSection(".maps", ElfSectionType.ProgBits, ElfSectionFlags.Alloc | ElfSectionFlags.Write, new byte[24], alignment: 8);
        int btf = w.AddSection(".BTF", ElfSectionType.ProgBits, ElfSectionFlags.None, new byte[32], alignment: 4);
        int bss = w.AddSection(".bss", ElfSectionType.NoBits, ElfSectionFlags.Alloc | ElfSectionFlags.Write, new byte[16], alignment: 8);

        var map = w.AddSymbol("events", maps, 0, 24, ElfSymbolType.Object, ElfSymbolBinding.Global);
        w.AddSymbol("sys_enter", prog, 0, 48, ElfSymbolType.Func, ElfSymbolBinding.Global);
        w.AddSymbol("LICENSE", license, 0, 4, ElfSymbolType.Object, ElfSymbolBinding.Global);
        w.AddSymbol("LBB0_1", prog, 40, 0, ElfSymbolType.NoType, ElfSymbolBinding.Local);
        w.AddSymbol("counter", bss, 8, 8, ElfSymbolType.Object, ElfSymbolBinding.Local);
        w.AddRelocation(prog, 0, map, ElfRelocationType.Bpf64_64);
        w.AddRelocation(btf, 12, map, ElfRelocationType.Bpf64_NoDyld32);
        w.AddRelocation(btf, 20, w.SectionSymbol(prog), ElfRelocationType.Bpf64_Abs32);
        return w.ToArray();
    }

    [Fact]
    public void Readelf_shows_the_sections_symbols_and_relocations()
    {
        Tools.Require("readelf");
        using var dir = Tools.CreateTempDirectory();
        string path = dir.File("out.o");
        File.WriteAllBytes(path, SampleObject());

        var sections = ReadElf.Sections(path);
        Assert.Equal(
            new[] { "", "raw_tracepoint/sys_enter", "license", ".maps", ".BTF", ".bss", ".relraw_tracepoint/sys_enter", ".rel.BTF", ".symtab", ".strtab" },
            sections.Select(s => s.Name));
        Assert.Equal(new[] { "NULL", "PROGBITS", "PROGBITS", "PROGBITS", "PROGBITS", "NOBITS", "REL", "REL", "SYMTAB", "STRTAB" }, sections.Select(s => s.Type));
        Assert.Equal("AX", sections[1].Flags);
        Assert.Equal("WA", sections[2].Flags);
        Assert.Equal((ulong)48, sections[1].Size);
        Assert.Equal((ulong)16, sections[5].Size);
        Assert.Equal((8u, 1u), (sections[6].Link, sections[6].Info));
        Assert.Equal((8u, 4u), (sections[7].Link, sections[7].Info));

        var symbols = ReadElf.Symbols(path);
        Assert.Equal(
            new[] { "", "LBB0_1", "counter", "raw_tracepoint/sys_enter", "events", "sys_enter", "LICENSE" },
            symbols.Select(s => s.Name));
        Assert.Equal(new[] { "LOCAL", "LOCAL", "LOCAL", "LOCAL", "GLOBAL", "GLOBAL", "GLOBAL" }, symbols.Select(s => s.Bind));
        Assert.Equal(new[] { "NOTYPE", "NOTYPE", "OBJECT", "SECTION", "OBJECT", "FUNC", "OBJECT" }, symbols.Select(s => s.Type));
        Assert.Equal("5", symbols[2].SectionIndex);
        Assert.Equal((ulong)40, symbols[1].Value);
        Assert.Equal(4u, sections[8].Info); // first non-local symbol

        var relocations = ReadElf.Relocations(path);
        Assert.Equal(
            new[]
            {
                ("raw_tracepoint/sys_enter", 0ul, 4u, 1u, "events"),
                (".BTF", 12ul, 4u, 4u, "events"),
                (".BTF", 20ul, 3u, 3u, "raw_tracepoint/sys_enter"),
            },
            relocations.Select(r => (r.Section.Substring(".rel".Length), r.Offset, r.SymbolIndex, r.Type, r.SymbolName)));
    }

    [Fact]
    public void Llvm_objdump_disassembles_the_program_with_its_relocation()
    {
        Tools.Require("llvm-objdump");
        using var dir = Tools.CreateTempDirectory();
        string path = dir.File("out.o");
        File.WriteAllBytes(path, SampleObject());

        string text = Tools.Run("llvm-objdump", "-d", "-r", path);
        Assert.Contains("file format elf64-bpf", text);
        Assert.Contains("Disassembly of section raw_tracepoint/sys_enter:", text);
        Assert.Contains("0000000000000000 <sys_enter>:", text);
        Assert.Contains("r1 = 0 ll", text);
        Assert.Contains("R_BPF_64_64\tevents", text);
        Assert.Contains("call 1", text);
        Assert.Contains("exit", text);
    }

    [Fact]
    public void Our_reader_reads_back_what_the_writer_wrote()
    {
        var elf = ElfFile.Parse(SampleObject());
        var prog = elf.FindSection("raw_tracepoint/sys_enter")!;
        Assert.Equal(ProgramCode(), prog.Data);
        Assert.Equal((ulong)8, prog.Alignment);
        Assert.Equal("GPL\0", Encoding.ASCII.GetString(elf.FindSection("license")!.Data));
        Assert.Equal((ulong)16, elf.FindSection(".bss")!.Size);

        var rel = Assert.Single(elf.FindRelocationsFor(prog.Index)!.Entries);
        Assert.Equal(ElfRelocationType.Bpf64_64, rel.Type);
        var target = elf.Symbols[rel.SymbolIndex];
        Assert.Equal(("events", (ushort)elf.FindSection(".maps")!.Index, 24ul), (target.Name, target.SectionIndex, target.Size));
    }

    [Fact]
    public void Writer_rejects_relocations_outside_their_section_and_unknown_sections()
    {
        var w = new ElfWriter();
        int s = w.AddSection("xdp", ElfSectionType.ProgBits, ElfSectionFlags.Alloc | ElfSectionFlags.ExecInstr, new byte[8], 8);
        var sym = w.AddSymbol("f", s, 0, 8, ElfSymbolType.Func, ElfSymbolBinding.Global);
        Assert.Throws<ArgumentOutOfRangeException>(() => w.AddRelocation(s, 8, sym, ElfRelocationType.Bpf64_64));
        Assert.Throws<ArgumentOutOfRangeException>(() => w.AddSymbol("g", 2, 0, 0, ElfSymbolType.Func, ElfSymbolBinding.Global));
        Assert.Throws<ArgumentException>(() => w.AddSection("bad", ElfSectionType.ProgBits, 0, new byte[1], alignment: 3));
    }
}
