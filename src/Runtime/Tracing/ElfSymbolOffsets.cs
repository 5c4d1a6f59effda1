using System.Buffers.Binary;
using System.Text;

namespace BpfSharp.Runtime;

/// <summary>
/// Resolves a function symbol of an ELF executable or shared library (64-bit, little-endian) to the file offset a
/// uprobe needs: the symbol's address from .symtab or .dynsym, mapped through the PT_LOAD segment holding it.
/// </summary>
public static class ElfSymbolOffsets
{
    private const uint SectionSymTab = 2;
    private const uint SectionDynSym = 11;
    private const uint ProgramLoad = 1;
    private const int SymbolFunction = 2;
    private const int SymbolIndirectFunction = 10;

    /// <summary>The file offset of <paramref name="symbol"/> in <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a 64-bit little-endian ELF, or lacks the symbol.</exception>
    public static ulong Resolve(string path, string symbol)
    {
        byte[] file = File.ReadAllBytes(path);
        var data = file.AsSpan();
        if (data.Length < 64 || data[0] != 0x7f || data[1] != (byte)'E' || data[2] != (byte)'L' || data[3] != (byte)'F')
            throw new InvalidDataException($"{path} is not an ELF file.");
        if (data[4] != 2 || data[5] != 1)
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file.");

        ulong address = FindSymbolAddress(file, symbol)
            ?? throw new InvalidDataException($"{path} has no function symbol '{symbol}' in .symtab or .dynsym.");
        return AddressToOffset(data, address)
            ?? throw new InvalidDataException($"Symbol '{symbol}' of {path} (address 0x{address:x}) lies in no loadable segment.");
    }

    private static ulong? FindSymbolAddress(byte[] file, string symbol)
    {
        var data = file.AsSpan();
        ulong sectionTable = U64(data, 0x28);
        int entrySize = U16(data, 0x3a), count = U16(data, 0x3c);
        byte[] wanted = Encoding.UTF8.GetBytes(symbol);
        foreach (uint kind in new[] { SectionSymTab, SectionDynSym })
        {
            for (int i = 0; i < count; i++)
            {
                var header = data.Slice(checked((int)sectionTable + i * entrySize), entrySize);
                if (U32(header, 4) != kind)
                    continue;
                var symbols = Slice(data, U64(header, 0x18), U64(header, 0x20));
                var linked = data.Slice(checked((int)sectionTable + (int)U32(header, 0x28) * entrySize), entrySize);
                var strings = Slice(data, U64(linked, 0x18), U64(linked, 0x20));
                int symbolSize = Math.Max(24, (int)U64(header, 0x38));
                for (int at = 0; at + 24 <= symbols.Length; at += symbolSize)
                {
                    var s = symbols.Slice(at, 24);
                    int type = s[4] & 0xf;
                    ulong value = U64(s, 8);
                    if ((type != SymbolFunction && type != SymbolIndirectFunction) || value == 0 || U16(s, 6) == 0)
                        continue;
                    var name = strings[(int)U32(s, 0)..];
                    int end = name.IndexOf((byte)0);
                    var bare = end < 0 ? name : name[..end];
                    // Versioned names in .symtab look like malloc@@GLIBC_2.2.5.
                    int version = bare.IndexOf((byte)'@');
                    if (version >= 0)
                        bare = bare[..version];
                    if (bare.SequenceEqual(wanted))
                        return value;
                }
            }
        }
        return null;
    }

    private static ulong? AddressToOffset(ReadOnlySpan<byte> data, ulong address)
    {
        ulong table = U64(data, 0x20);
        int entrySize = U16(data, 0x36), count = U16(data, 0x38);
        for (int i = 0; i < count; i++)
        {
            var header = data.Slice(checked((int)table + i * entrySize), entrySize);
            if (U32(header, 0) != ProgramLoad)
                continue;
            ulong offset = U64(header, 8), vaddr = U64(header, 0x10), fileSize = U64(header, 0x20);
            if (address >= vaddr && address < vaddr + fileSize)
                return address - vaddr + offset;
        }
        return null;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, ulong offset, ulong size) =>
        offset + size <= (ulong)data.Length ? data.Slice((int)offset, (int)size) : throw new InvalidDataException("An ELF section lies outside the file.");

    private static ushort U16(ReadOnlySpan<byte> d, int at) => BinaryPrimitives.ReadUInt16LittleEndian(d[at..]);

    private static uint U32(ReadOnlySpan<byte> d, int at) => BinaryPrimitives.ReadUInt32LittleEndian(d[at..]);

    private static ulong U64(ReadOnlySpan<byte> d, int at) => BinaryPrimitives.ReadUInt64LittleEndian(d[at..]);
}
