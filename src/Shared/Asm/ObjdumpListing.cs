using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BpfSharp.Elf;

namespace BpfSharp.Asm;

/// <summary>
/// Reproduces the whole text of LLVM 14's <c>llvm-objdump -d</c> for a BPF object, so tests can diff ours against it.
/// </summary>
/// <remarks>
/// objdump's layout rules, observed from its output: only SHF_EXECINSTR sections with contents are listed; section
/// symbols and unnamed symbols are ignored; symbols sort by (address, name) and of several at one address only the
/// last is shown; a section without a symbol at offset 0 gets a block named after itself; jump targets are annotated
/// with the last symbol at or before them, plus a hex displacement.
/// </remarks>
internal static class ObjdumpListing
{
    /// <summary>The full output of <c>llvm-objdump -d <paramref name="fileName"/></c>.</summary>
    public static string ListObject(ElfFile elf, string fileName, bool alu32 = false)
    {
        var text = new StringBuilder();
        text.Append('\n').Append(fileName).Append(":\tfile format elf64-bpf\n");
        foreach (var section in elf.Sections)
            if (section.Flags.HasFlag(ElfSectionFlags.ExecInstr) && section.Type != ElfSectionType.NoBits && section.Data.Length > 0)
                text.Append(ListSection(elf, section, alu32));
        return text.ToString();
    }

    /// <summary>One section's part of the output, starting with the blank line before <c>Disassembly of section</c>.</summary>
    public static string ListSection(ElfFile elf, ElfSection section, bool alu32 = false)
    {
        var symbols = elf.Symbols
            .Where(s => s.SectionIndex == section.Index && s.Type != ElfSymbolType.Section && s.Name.Length > 0)
            .Select(s => (Address: s.Value, s.Name))
            .OrderBy(s => s.Address)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        if (symbols.Count == 0 || symbols[0].Address != 0)
            symbols.Insert(0, (0, section.Name));

        var text = new StringBuilder();
        text.Append("\nDisassembly of section ").Append(section.Name).Append(":\n");
        ulong size = (ulong)section.Data.Length;
        for (int i = 0; i < symbols.Count; i++)
        {
            ulong start = symbols[i].Address;
            ulong end = i + 1 < symbols.Count ? Math.Min(size, symbols[i + 1].Address) : size;
            if (start >= end)
                continue;
            text.Append('\n').Append(start.ToString("x16", CultureInfo.InvariantCulture)).Append(" <").Append(symbols[i].Name).Append(">:\n");
            AppendInstructions(text, section.Data, start, end, symbols, alu32);
        }
        return text.ToString();
    }

    private static void AppendInstructions(StringBuilder text, byte[] code, ulong start, ulong end, List<(ulong Address, string Name)> symbols, bool alu32)
    {
        ulong at = start;
        while (at + Instruction.Size <= end)
        {
            var insn = Instruction.ReadFrom(code.AsSpan((int)at));
            int length = Instruction.Size;
            Instruction? next = null;
            if (insn.IsWide && at + 2 * Instruction.Size <= end)
            {
                next = Instruction.ReadFrom(code.AsSpan((int)at + Instruction.Size));
                length = 2 * Instruction.Size;
            }

            text.Append((at / Instruction.Size).ToString(CultureInfo.InvariantCulture).PadLeft(8)).Append(":\t");
            for (int b = 0; b < length; b++)
            {
                if (b > 0)
                    text.Append(' ');
                text.Append(code[(int)at + b].ToString("x2", CultureInfo.InvariantCulture));
            }
            text.Append('\t').Append(Disassembler.Format(insn, next, alu32));

            if (Disassembler.JumpTarget(insn, (long)(at / Instruction.Size)) is long slot)
                AppendTarget(text, unchecked((ulong)slot * Instruction.Size), symbols);
            text.Append('\n');
            at += (ulong)length;
        }
    }

    private static void AppendTarget(StringBuilder text, ulong target, List<(ulong Address, string Name)> symbols)
    {
        int found = -1;
        for (int i = 0; i < symbols.Count && symbols[i].Address <= target; i++)
            found = i;
        if (found < 0)
            return;
        ulong displacement = target - symbols[found].Address;
        text.Append(" <").Append(symbols[found].Name);
        if (displacement != 0)
            text.Append("+0x").Append(displacement.ToString("x", CultureInfo.InvariantCulture));
        text.Append('>');
    }
}
