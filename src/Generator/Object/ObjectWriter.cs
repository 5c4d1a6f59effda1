using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using BpfSharp.Asm;
using BpfSharp.Btf;
using BpfSharp.Elf;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Compiler.Data;
using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Object;

/// <summary>
/// Compiled functions → a relocatable ELF object laid out the way libbpf expects: one section per program named
/// by its program type, subprograms in <c>.text</c>, a <c>license</c> section, maps in <c>.maps</c>, globals in
/// <c>.rodata</c>/<c>.data</c>/<c>.bss</c>, <c>.BTF</c>/<c>.BTF.ext</c>, and a symbol table.
/// </summary>
internal static class ObjectWriter
{
    public static byte[] Write(CompilationResult compiled, IReadOnlyList<ProgramSpec> specs, string license, ClassData? data = null)
    {
        data ??= new ClassData();
        var elf = new ElfWriter();
        var btf = new BtfTypes(new BtfBuilder());
        var debug = new DebugInfo(btf);
        var functionSymbols = new Dictionary<string, ElfSymbolHandle>(StringComparer.Ordinal);
        var placed = new List<(CompiledFunction Function, int Section, int SlotBase)>();

        // Subprograms first, all in .text, so that calls from any program can name them.
        if (compiled.Subprograms.Count > 0)
        {
            var code = new List<Instruction>();
            var starts = new List<int>();
            foreach (var sub in compiled.Subprograms)
            {
                starts.Add(code.Count);
                code.AddRange(sub.Code);
            }
            int text = elf.AddSection(".text", ElfSectionType.ProgBits, ElfSectionFlags.Alloc | ElfSectionFlags.ExecInstr,
                Instruction.Encode(code.ToArray()), alignment: 8);
            for (int i = 0; i < compiled.Subprograms.Count; i++)
            {
                var sub = compiled.Subprograms[i];
                functionSymbols[sub.Name] = elf.AddSymbol(sub.Name, text, (ulong)(starts[i] * Instruction.Size),
                    (ulong)(sub.Code.Length * Instruction.Size), ElfSymbolType.Func, ElfSymbolBinding.Local);
                placed.Add((sub, text, starts[i]));
            }
        }

        // Programs that share a section name share one section, as clang lays them out: libbpf tells them apart
        // by symbol, and .BTF.ext keys its records by section name, so two sections of one name would collide.
        foreach (var group in Enumerable.Range(0, compiled.Programs.Count).GroupBy(i => specs[i].Section))
        {
            var code = new List<Instruction>();
            var starts = new List<int>();
            foreach (int i in group)
            {
                starts.Add(code.Count);
                code.AddRange(compiled.Programs[i].Code);
            }
            int section = elf.AddSection(group.Key, ElfSectionType.ProgBits, ElfSectionFlags.Alloc | ElfSectionFlags.ExecInstr,
                Instruction.Encode(code.ToArray()), alignment: 8);
            int n = 0;
            foreach (int i in group)
            {
                var program = compiled.Programs[i];
                int start = starts[n++];
                functionSymbols[program.Name] = elf.AddSymbol(program.Name, section, (ulong)(start * Instruction.Size),
                    (ulong)(program.Code.Length * Instruction.Size), ElfSymbolType.Func, ElfSymbolBinding.Global);
                placed.Add((program, section, start));
                debug.AddProgram(program, specs[i], group.Key, start);
            }
        }
        for (int i = 0; i < compiled.Subprograms.Count; i++)
            debug.AddSubprogram(compiled.Subprograms[i], ".text", placed[i].SlotBase);

        int licenseSection = elf.AddSection("license", ElfSectionType.ProgBits, ElfSectionFlags.Alloc | ElfSectionFlags.Write,
            Encoding.UTF8.GetBytes(license + "\0"), alignment: 1);
        elf.AddSymbol("_license", licenseSection, 0, (ulong)(Encoding.UTF8.GetByteCount(license) + 1),
            ElfSymbolType.Object, ElfSymbolBinding.Global);

        var mapSymbols = MapsSection.Write(elf, btf, data.Maps);
        var dataSections = DataSections.Write(elf, btf, data.Globals);
        TracepointLayoutSection.Write(elf, specs);

        foreach (var (function, section, slotBase) in placed)
        {
            foreach (var relocation in function.Relocations)
            {
                ulong offset = (ulong)((slotBase + relocation.Slot) * Instruction.Size);
                switch (relocation.Kind)
                {
                    case RelocationKind.Call:
                        // libbpf resolves a call to symbol value / 8 + imm + 1; the compiler leaves imm = -1.
                        elf.AddRelocation(section, offset, functionSymbols[relocation.Symbol], ElfRelocationType.Bpf64_32);
                        break;
                    case RelocationKind.Map:
                        elf.AddRelocation(section, offset, Lookup(mapSymbols, relocation.Symbol, "map"), ElfRelocationType.Bpf64_64);
                        break;
                    case RelocationKind.GlobalData:
                        // Against the section symbol: the instruction's imm already holds the variable's offset.
                        if (!dataSections.TryGetValue(relocation.Symbol, out int dataSection))
                            throw new InvalidOperationException($"The code refers to section '{relocation.Symbol}', which has no globals.");
                        elf.AddRelocation(section, offset, elf.SectionSymbol(dataSection), ElfRelocationType.Bpf64_64);
                        break;
                }
            }
        }

        // .BTF.ext interns its strings into .BTF's table, so it is built first.
        byte[] ext = debug.Ext.Build();
        elf.AddSection(".BTF", ElfSectionType.ProgBits, ElfSectionFlags.None, btf.Builder.Build(), alignment: 4);
        elf.AddSection(".BTF.ext", ElfSectionType.ProgBits, ElfSectionFlags.None, ext, alignment: 4);
        return elf.ToArray();
    }

    private static ElfSymbolHandle Lookup(Dictionary<string, ElfSymbolHandle> symbols, string name, string what) =>
        symbols.TryGetValue(name, out var symbol) ? symbol : throw new InvalidOperationException($"The code refers to {what} '{name}', which is not declared.");
}
