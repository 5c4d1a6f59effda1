using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;

namespace BpfSharp.Elf;

/// <summary>A symbol added to an <see cref="ElfWriter"/>; its final table index is only known when the file is written.</summary>
internal readonly record struct ElfSymbolHandle(int Id);

/// <summary>
/// Builds an ELF64 little-endian EM_BPF relocatable object. Sections keep the indices <see cref="AddSection"/> returns
/// (1, 2, ...); the writer appends one <c>.rel&lt;name&gt;</c> section per section that has relocations, then
/// <c>.symtab</c> and a single <c>.strtab</c> that holds both symbol and section names (as clang does).
/// Symbols are written locals first, as ELF requires, keeping the order they were added within each group.
/// </summary>
internal sealed class ElfWriter
{
    private readonly List<SectionSpec> _sections = new();
    private readonly List<SymbolSpec> _symbols = new();
    private readonly Dictionary<int, ElfSymbolHandle> _sectionSymbols = new();
    private readonly SortedDictionary<int, List<(ulong Offset, ElfSymbolHandle Symbol, ElfRelocationType Type)>> _relocations = new();

    private sealed record SectionSpec(string Name, ElfSectionType Type, ElfSectionFlags Flags, byte[] Data, ulong Alignment, ulong EntrySize);

    private sealed record SymbolSpec(string Name, int Section, ulong Value, ulong Size, ElfSymbolType Type, ElfSymbolBinding Binding, ElfSymbolVisibility Visibility);

    /// <summary>Adds a section and returns its section header index. For NOBITS, only <c>data.Length</c> matters.</summary>
    public int AddSection(string name, ElfSectionType type, ElfSectionFlags flags, byte[] data, ulong alignment = 1, ulong entrySize = 0)
    {
        if (string.IsNullOrEmpty(name))
            throw new ArgumentException("A section needs a name.", nameof(name));
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
            throw new ArgumentException($"Alignment {alignment} of section '{name}' is not a power of two.", nameof(alignment));
        if (type is ElfSectionType.Rel or ElfSectionType.SymTab)
            throw new ArgumentException($"The writer makes REL and SYMTAB sections itself; '{name}' cannot be {type}.", nameof(type));
        _sections.Add(new SectionSpec(name, type, flags, data ?? throw new ArgumentNullException(nameof(data)), alignment, entrySize));
        return _sections.Count;
    }

    /// <summary>Adds a symbol. <paramref name="sectionIndex"/> is an index from <see cref="AddSection"/>, or 0 for an undefined (extern) symbol.</summary>
    public ElfSymbolHandle AddSymbol(
        string name, int sectionIndex, ulong value, ulong size, ElfSymbolType type, ElfSymbolBinding binding,
        ElfSymbolVisibility visibility = ElfSymbolVisibility.Default)
    {
        CheckSection(sectionIndex, allowUndefined: true);
        _symbols.Add(new SymbolSpec(name, sectionIndex, value, size, type, binding, visibility));
        return new ElfSymbolHandle(_symbols.Count - 1);
    }

    /// <summary>The local STT_SECTION symbol for a section, made on first use; relocations against section contents use it.</summary>
    public ElfSymbolHandle SectionSymbol(int sectionIndex)
    {
        CheckSection(sectionIndex, allowUndefined: false);
        if (!_sectionSymbols.TryGetValue(sectionIndex, out var handle))
        {
            handle = AddSymbol("", sectionIndex, 0, 0, ElfSymbolType.Section, ElfSymbolBinding.Local);
            _sectionSymbols[sectionIndex] = handle;
        }
        return handle;
    }

    /// <summary>Records that the bytes at <paramref name="offset"/> in section <paramref name="sectionIndex"/> refer to <paramref name="symbol"/>.</summary>
    public void AddRelocation(int sectionIndex, ulong offset, ElfSymbolHandle symbol, ElfRelocationType type)
    {
        CheckSection(sectionIndex, allowUndefined: false);
        if (symbol.Id < 0 || symbol.Id >= _symbols.Count)
            throw new ArgumentException($"Unknown symbol handle {symbol.Id}.", nameof(symbol));
        if (offset >= (ulong)_sections[sectionIndex - 1].Data.Length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"Offset 0x{offset:x} is outside section '{_sections[sectionIndex - 1].Name}'.");
        if (!_relocations.TryGetValue(sectionIndex, out var list))
            _relocations[sectionIndex] = list = new();
        list.Add((offset, symbol, type));
    }

    public byte[] ToArray()
    {
        var strings = new ElfStringTableBuilder();

        // Final symbol order: null symbol, locals, then everything else.
        var order = Enumerable.Range(0, _symbols.Count)
            .OrderBy(i => _symbols[i].Binding == ElfSymbolBinding.Local ? 0 : 1)
            .ThenBy(i => i)
            .ToArray();
        var finalIndex = new int[_symbols.Count];
        for (int i = 0; i < order.Length; i++)
            finalIndex[order[i]] = i + 1;
        int firstGlobal = 1 + _symbols.Count(s => s.Binding == ElfSymbolBinding.Local);

        var symtab = new byte[(order.Length + 1) * ElfConstants.SymbolSize];
        for (int i = 0; i < order.Length; i++)
        {
            var s = _symbols[order[i]];
            var e = symtab.AsSpan((i + 1) * ElfConstants.SymbolSize);
            BinaryPrimitives.WriteUInt32LittleEndian(e, strings.Add(s.Name));
            e[4] = (byte)(((byte)s.Binding << 4) | ((byte)s.Type & 0x0f));
            e[5] = (byte)s.Visibility;
            BinaryPrimitives.WriteUInt16LittleEndian(e.Slice(6), (ushort)s.Section);
            BinaryPrimitives.WriteUInt64LittleEndian(e.Slice(8), s.Value);
            BinaryPrimitives.WriteUInt64LittleEndian(e.Slice(16), s.Size);
        }

        int relCount = _relocations.Count;
        int symtabIndex = _sections.Count + relCount + 1;
        int strtabIndex = symtabIndex + 1;

        var headers = new List<(SectionSpec Spec, uint Link, uint Info)>();
        headers.AddRange(_sections.Select(s => (s, 0u, 0u)));
        foreach (var pair in _relocations)
        {
            var rel = new byte[pair.Value.Count * ElfConstants.RelSize];
            for (int i = 0; i < pair.Value.Count; i++)
            {
                var (offset, symbol, type) = pair.Value[i];
                var e = rel.AsSpan(i * ElfConstants.RelSize);
                BinaryPrimitives.WriteUInt64LittleEndian(e, offset);
                BinaryPrimitives.WriteUInt64LittleEndian(e.Slice(8), ((ulong)(uint)finalIndex[symbol.Id] << 32) | (uint)type);
            }
            var target = _sections[pair.Key - 1];
            headers.Add((new SectionSpec(".rel" + target.Name, ElfSectionType.Rel, ElfSectionFlags.InfoLink, rel, 8, ElfConstants.RelSize),
                (uint)symtabIndex, (uint)pair.Key));
        }
        headers.Add((new SectionSpec(".symtab", ElfSectionType.SymTab, ElfSectionFlags.None, symtab, 8, ElfConstants.SymbolSize),
            (uint)strtabIndex, (uint)firstGlobal));

        // Every name goes into the string table before it is frozen into bytes.
        var nameOffsets = headers.Select(h => strings.Add(h.Spec.Name)).ToList();
        uint strtabName = strings.Add(".strtab");
        byte[] strtab = strings.ToArray();
        headers.Add((new SectionSpec(".strtab", ElfSectionType.StrTab, ElfSectionFlags.None, strtab, 1, 0), 0, 0));
        nameOffsets.Add(strtabName);

        // Lay out contents after the ELF header, each at its alignment, then the section header table.
        var offsets = new ulong[headers.Count];
        ulong cursor = ElfConstants.HeaderSize;
        for (int i = 0; i < headers.Count; i++)
        {
            var spec = headers[i].Spec;
            cursor = Align(cursor, spec.Alignment);
            offsets[i] = cursor;
            if (spec.Type != ElfSectionType.NoBits)
                cursor += (ulong)spec.Data.Length;
        }
        ulong shoff = Align(cursor, 8);
        int sectionCount = headers.Count + 1;
        var file = new byte[shoff + (ulong)sectionCount * ElfConstants.SectionHeaderSize];

        WriteHeader(file, shoff, (ushort)sectionCount, (ushort)strtabIndex);
        for (int i = 0; i < headers.Count; i++)
        {
            var (spec, link, info) = headers[i];
            if (spec.Type != ElfSectionType.NoBits)
                spec.Data.CopyTo(file, (long)offsets[i]);
            var h = file.AsSpan((int)shoff + (i + 1) * ElfConstants.SectionHeaderSize);
            BinaryPrimitives.WriteUInt32LittleEndian(h, nameOffsets[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(4), (uint)spec.Type);
            BinaryPrimitives.WriteUInt64LittleEndian(h.Slice(8), (ulong)spec.Flags);
            BinaryPrimitives.WriteUInt64LittleEndian(h.Slice(24), offsets[i]);
            BinaryPrimitives.WriteUInt64LittleEndian(h.Slice(32), (ulong)spec.Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(40), link);
            BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(44), info);
            BinaryPrimitives.WriteUInt64LittleEndian(h.Slice(48), spec.Alignment);
            BinaryPrimitives.WriteUInt64LittleEndian(h.Slice(56), spec.EntrySize);
        }
        return file;
    }

    private static void WriteHeader(Span<byte> file, ulong shoff, ushort sectionCount, ushort stringTableIndex)
    {
        file[0] = 0x7f;
        file[1] = (byte)'E';
        file[2] = (byte)'L';
        file[3] = (byte)'F';
        file[4] = ElfConstants.ClassElf64;
        file[5] = ElfConstants.DataLittleEndian;
        file[6] = ElfConstants.CurrentVersion;
        BinaryPrimitives.WriteUInt16LittleEndian(file.Slice(16), ElfConstants.TypeRelocatable);
        BinaryPrimitives.WriteUInt16LittleEndian(file.Slice(18), ElfConstants.MachineBpf);
        BinaryPrimitives.WriteUInt32LittleEndian(file.Slice(20), ElfConstants.CurrentVersion);
        BinaryPrimitives.WriteUInt64LittleEndian(file.Slice(40), shoff);
        BinaryPrimitives.WriteUInt16LittleEndian(file.Slice(52), ElfConstants.HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(file.Slice(58), ElfConstants.SectionHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(file.Slice(60), sectionCount);
        BinaryPrimitives.WriteUInt16LittleEndian(file.Slice(62), stringTableIndex);
    }

    private void CheckSection(int sectionIndex, bool allowUndefined)
    {
        if ((sectionIndex == 0 && allowUndefined) || (sectionIndex >= 1 && sectionIndex <= _sections.Count))
            return;
        throw new ArgumentOutOfRangeException(nameof(sectionIndex), $"Section {sectionIndex} has not been added.");
    }

    private static ulong Align(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);
}
