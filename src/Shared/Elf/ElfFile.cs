using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace BpfSharp.Elf;

/// <summary>
/// A parsed ELF64 little-endian relocatable BPF object: sections, symbols and REL sections, read from bytes only.
/// Every offset and index is checked before use, so malformed input gives <see cref="ElfFormatException"/>.
/// </summary>
internal sealed class ElfFile
{
    private ElfFile(IReadOnlyList<ElfSection> sections, IReadOnlyList<ElfSymbol> symbols, IReadOnlyList<ElfRelocationSection> relocations)
    {
        Sections = sections;
        Symbols = symbols;
        RelocationSections = relocations;
    }

    /// <summary>All section headers in file order; index 0 is the null section.</summary>
    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>The .symtab entries in order; index 0 is the null symbol. Empty when there is no symbol table.</summary>
    public IReadOnlyList<ElfSymbol> Symbols { get; }

    public IReadOnlyList<ElfRelocationSection> RelocationSections { get; }

    public ElfSection? FindSection(string name)
    {
        foreach (var section in Sections)
            if (section.Name == name)
                return section;
        return null;
    }

    /// <summary>The REL section that patches section <paramref name="targetSectionIndex"/>, if any.</summary>
    public ElfRelocationSection? FindRelocationsFor(int targetSectionIndex)
    {
        foreach (var rel in RelocationSections)
            if (rel.TargetSectionIndex == targetSectionIndex)
                return rel;
        return null;
    }

    public static ElfFile Parse(byte[] bytes)
    {
        if (bytes is null)
            throw new ArgumentNullException(nameof(bytes));
        var file = new ReadOnlySpan<byte>(bytes);
        var header = ReadHeader(file);
        var raw = ReadSectionHeaders(file, header);

        var names = raw[header.StringTableIndex];
        if (names.Type != ElfSectionType.StrTab)
            throw new ElfFormatException($"e_shstrndx {header.StringTableIndex} is not a string table", header.SectionHeaderOffset);

        var contents = new byte[raw.Length][];
        for (int i = 0; i < raw.Length; i++)
        {
            var r = raw[i];
            contents[i] = r.Type is ElfSectionType.NoBits or ElfSectionType.Null
                ? Array.Empty<byte>()
                : file.Slice((int)r.Offset, (int)r.Size).ToArray();
        }

        var sections = new ElfSection[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            var r = raw[i];
            string name = ReadString(contents[header.StringTableIndex], raw[header.StringTableIndex].Offset, r.NameOffset, $"name of section {i}");
            sections[i] = new ElfSection(i, name, r.Type, r.Flags, contents[i], r.Size, r.Link, r.Info, r.EntrySize, r.Alignment);
        }

        var symbols = ReadSymbols(sections, raw);
        var relocations = ReadRelocations(sections, raw, symbols.Length);
        return new ElfFile(sections, symbols, relocations);
    }

    private readonly record struct Header(long SectionHeaderOffset, int SectionCount, int StringTableIndex);

    private readonly record struct RawSection(
        uint NameOffset, ElfSectionType Type, ElfSectionFlags Flags, ulong Offset, ulong Size,
        uint Link, uint Info, ulong Alignment, ulong EntrySize, long HeaderOffset);

    private static Header ReadHeader(ReadOnlySpan<byte> file)
    {
        if (file.Length < ElfConstants.HeaderSize)
            throw new ElfFormatException($"file is {file.Length} bytes, shorter than the 64-byte ELF header", 0);
        if (file[0] != 0x7f || file[1] != (byte)'E' || file[2] != (byte)'L' || file[3] != (byte)'F')
            throw new ElfFormatException("missing ELF magic \\x7fELF", 0);
        if (file[4] != ElfConstants.ClassElf64)
            throw new ElfFormatException($"EI_CLASS is {file[4]}, only ELFCLASS64 (2) is supported", 4);
        if (file[5] != ElfConstants.DataLittleEndian)
            throw new ElfFormatException($"EI_DATA is {file[5]}, only little-endian (1) is supported", 5);
        if (file[6] != ElfConstants.CurrentVersion)
            throw new ElfFormatException($"EI_VERSION is {file[6]}, expected 1", 6);

        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(16));
        if (type != ElfConstants.TypeRelocatable)
            throw new ElfFormatException($"e_type is {type}, expected ET_REL (1): only relocatable objects are supported", 16);
        ushort machine = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(18));
        if (machine != ElfConstants.MachineBpf)
            throw new ElfFormatException($"e_machine is {machine}, expected EM_BPF (247)", 18);

        ulong shoff = BinaryPrimitives.ReadUInt64LittleEndian(file.Slice(40));
        ushort shentsize = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(58));
        ushort shnum = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(60));
        ushort shstrndx = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(62));

        if (shnum == 0)
            throw new ElfFormatException(shoff == 0
                ? "object has no section headers"
                : "e_shnum is 0 (extended section numbering is not supported)", 60);
        if (shentsize != ElfConstants.SectionHeaderSize)
            throw new ElfFormatException($"e_shentsize is {shentsize}, expected 64", 58);
        if (!FitsIn(file.Length, shoff, (ulong)shnum * ElfConstants.SectionHeaderSize))
            throw new ElfFormatException(
                $"section header table ({shnum} entries at 0x{shoff:x}) runs past the end of the {file.Length}-byte file", 40);
        if (shstrndx == ElfConstants.SectionIndexEscape || shstrndx >= shnum)
            throw new ElfFormatException($"e_shstrndx {shstrndx} is outside the {shnum} section headers", 62);
        return new Header((long)shoff, shnum, shstrndx);
    }

    private static RawSection[] ReadSectionHeaders(ReadOnlySpan<byte> file, Header header)
    {
        var result = new RawSection[header.SectionCount];
        for (int i = 0; i < result.Length; i++)
        {
            long at = header.SectionHeaderOffset + (long)i * ElfConstants.SectionHeaderSize;
            var h = file.Slice((int)at, ElfConstants.SectionHeaderSize);
            var r = new RawSection(
                NameOffset: BinaryPrimitives.ReadUInt32LittleEndian(h),
                Type: (ElfSectionType)BinaryPrimitives.ReadUInt32LittleEndian(h.Slice(4)),
                Flags: (ElfSectionFlags)BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(8)),
                Offset: BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(24)),
                Size: BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(32)),
                Link: BinaryPrimitives.ReadUInt32LittleEndian(h.Slice(40)),
                Info: BinaryPrimitives.ReadUInt32LittleEndian(h.Slice(44)),
                Alignment: BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(48)),
                EntrySize: BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(56)),
                HeaderOffset: at);
            if (r.Type != ElfSectionType.NoBits && r.Type != ElfSectionType.Null && !FitsIn(file.Length, r.Offset, r.Size))
                throw new ElfFormatException(
                    $"section {i} contents (0x{r.Size:x} bytes at 0x{r.Offset:x}) run past the end of the {file.Length}-byte file", at);
            if (r.Type == ElfSectionType.Null)
                r = r with { Size = 0 };
            result[i] = r;
        }
        return result;
    }

    private static ElfSymbol[] ReadSymbols(ElfSection[] sections, RawSection[] raw)
    {
        int symtabIndex = Array.FindIndex(sections, s => s.Type == ElfSectionType.SymTab);
        if (symtabIndex < 0)
            return Array.Empty<ElfSymbol>();
        var symtab = sections[symtabIndex];
        long at = raw[symtabIndex].HeaderOffset;
        if (symtab.EntrySize != ElfConstants.SymbolSize)
            throw new ElfFormatException($"symbol table '{symtab.Name}' has sh_entsize {symtab.EntrySize}, expected 24", at);
        if (symtab.Data.Length % ElfConstants.SymbolSize != 0)
            throw new ElfFormatException($"symbol table '{symtab.Name}' size {symtab.Data.Length} is not a multiple of 24", at);
        if (symtab.Link >= sections.Length || sections[symtab.Link].Type != ElfSectionType.StrTab)
            throw new ElfFormatException($"symbol table '{symtab.Name}' links to section {symtab.Link}, which is not a string table", at);
        var strings = sections[symtab.Link];

        var result = new ElfSymbol[symtab.Data.Length / ElfConstants.SymbolSize];
        for (int i = 0; i < result.Length; i++)
        {
            var e = symtab.Data.AsSpan(i * ElfConstants.SymbolSize, ElfConstants.SymbolSize);
            uint nameOffset = BinaryPrimitives.ReadUInt32LittleEndian(e);
            byte info = e[4];
            byte other = e[5];
            ushort shndx = BinaryPrimitives.ReadUInt16LittleEndian(e.Slice(6));
            if (shndx >= sections.Length && shndx < 0xff00)
                throw new ElfFormatException(
                    $"symbol {i} in '{symtab.Name}' refers to section {shndx}, but there are {sections.Length}",
                    (long)raw[symtabIndex].Offset + i * ElfConstants.SymbolSize);
            result[i] = new ElfSymbol(
                i,
                ReadString(strings.Data, raw[symtab.Link].Offset, nameOffset, $"name of symbol {i}"),
                BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(8)),
                BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(16)),
                (ElfSymbolType)(info & 0x0f),
                (ElfSymbolBinding)(info >> 4),
                (ElfSymbolVisibility)(other & 0x03),
                shndx);
        }
        return result;
    }

    private static ElfRelocationSection[] ReadRelocations(ElfSection[] sections, RawSection[] raw, int symbolCount)
    {
        var result = new List<ElfRelocationSection>();
        foreach (var section in sections)
        {
            if (section.Type != ElfSectionType.Rel)
                continue;
            long at = raw[section.Index].HeaderOffset;
            if (section.EntrySize != ElfConstants.RelSize)
                throw new ElfFormatException($"relocation section '{section.Name}' has sh_entsize {section.EntrySize}, expected 16", at);
            if (section.Data.Length % ElfConstants.RelSize != 0)
                throw new ElfFormatException($"relocation section '{section.Name}' size {section.Data.Length} is not a multiple of 16", at);
            if (section.Info == 0 || section.Info >= sections.Length)
                throw new ElfFormatException($"relocation section '{section.Name}' applies to section {section.Info}, which does not exist", at);
            var target = sections[section.Info];

            var entries = new ElfRelocation[section.Data.Length / ElfConstants.RelSize];
            for (int i = 0; i < entries.Length; i++)
            {
                var e = section.Data.AsSpan(i * ElfConstants.RelSize, ElfConstants.RelSize);
                ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(e);
                ulong info = BinaryPrimitives.ReadUInt64LittleEndian(e.Slice(8));
                long entryAt = (long)raw[section.Index].Offset + i * ElfConstants.RelSize;
                uint symbol = (uint)(info >> 32);
                if (symbol >= symbolCount)
                    throw new ElfFormatException(
                        $"relocation {i} in '{section.Name}' refers to symbol {symbol}, but there are {symbolCount}", entryAt);
                if (offset >= target.Size)
                    throw new ElfFormatException(
                        $"relocation {i} in '{section.Name}' patches offset 0x{offset:x}, outside '{target.Name}' (0x{target.Size:x} bytes)", entryAt);
                entries[i] = new ElfRelocation(offset, (int)symbol, (ElfRelocationType)(uint)info);
            }
            result.Add(new ElfRelocationSection(section.Index, section.Name, (int)section.Info, entries));
        }
        return result.ToArray();
    }

    private static string ReadString(byte[] table, ulong tableOffset, uint offset, string what)
    {
        if (offset >= table.Length)
            throw new ElfFormatException(
                $"{what}: offset {offset} is outside its {table.Length}-byte string table", (long)tableOffset);
        int end = Array.IndexOf(table, (byte)0, (int)offset);
        if (end < 0)
            throw new ElfFormatException($"{what}: string at offset {offset} is not NUL-terminated", (long)tableOffset + offset);
        return Encoding.UTF8.GetString(table, (int)offset, end - (int)offset);
    }

    private static bool FitsIn(int fileLength, ulong offset, ulong size) =>
        offset <= (ulong)fileLength && size <= (ulong)fileLength - offset;
}
