using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using BpfSharp.Asm;
using BpfSharp.Elf;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Object;

/// <summary>
/// Compiled functions → a relocatable ELF object laid out the way libbpf expects: one section per program named
/// by its program type, subprograms in <c>.text</c>, a <c>license</c> section, and a symbol table.
/// </summary>
internal static class ObjectWriter
{
    public static byte[] Write(CompilationResult compiled, IReadOnlyList<ProgramSpec> specs, string license)
    {
        var elf = new ElfWriter();
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

        for (int i = 0; i < compiled.Programs.Count; i++)
        {
            var program = compiled.Programs[i];
            int section = elf.AddSection(specs[i].Section, ElfSectionType.ProgBits, ElfSectionFlags.Alloc | ElfSectionFlags.ExecInstr,
                Instruction.Encode(program.Code), alignment: 8);
            functionSymbols[program.Name] = elf.AddSymbol(program.Name, section, 0,
                (ulong)(program.Code.Length * Instruction.Size), ElfSymbolType.Func, ElfSymbolBinding.Global);
            placed.Add((program, section, 0));
        }

        int licenseSection = elf.AddSection("license", ElfSectionType.ProgBits, ElfSectionFlags.Alloc | ElfSectionFlags.Write,
            Encoding.UTF8.GetBytes(license + "\0"), alignment: 1);
        elf.AddSymbol("_license", licenseSection, 0, (ulong)(Encoding.UTF8.GetByteCount(license) + 1),
            ElfSymbolType.Object, ElfSymbolBinding.Global);

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
                    default:
                        throw new NotSupportedException($"Relocation kind {relocation.Kind} is not written yet.");
                }
            }
        }

        return elf.ToArray();
    }
}
