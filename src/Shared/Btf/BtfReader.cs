using System;
using System.Buffers.Binary;
using System.IO;

namespace BpfSharp.Btf;

/// <summary>Bounds-checked reads of BTF words; every failure names the byte offset and what was being read.</summary>
internal readonly ref struct BtfReader
{
    private readonly ReadOnlySpan<byte> data;

    public BtfReader(ReadOnlySpan<byte> data, bool bigEndian, string section)
    {
        this.data = data;
        BigEndian = bigEndian;
        Section = section;
    }

    public bool BigEndian { get; }

    public string Section { get; }

    public int Length => data.Length;

    public ReadOnlySpan<byte> Span => data;

    public uint U32(int offset, string what)
    {
        if (offset < 0 || offset > data.Length - 4)
            throw Error(offset, $"{what} runs past the end ({data.Length} bytes)");
        var span = data.Slice(offset, 4);
        return BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
    }

    public ushort U16(int offset, string what)
    {
        if (offset < 0 || offset > data.Length - 2)
            throw Error(offset, $"{what} runs past the end ({data.Length} bytes)");
        var span = data.Slice(offset, 2);
        return BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);
    }

    public InvalidDataException Error(long offset, string message)
        => new($"{Section} at offset 0x{offset:x}: {message}.");

    /// <summary>Reads the magic and tells the byte order from it: BTF is written in its target's order.</summary>
    public static bool DetectBigEndian(ReadOnlySpan<byte> data, string section)
    {
        if (data.Length < 2)
            throw new InvalidDataException($"{section} at offset 0x0: {data.Length} bytes is too short for a header.");
        ushort magic = BinaryPrimitives.ReadUInt16LittleEndian(data);
        if (magic == BtfFormat.Magic)
            return false;
        if (magic == BinaryPrimitives.ReverseEndianness(BtfFormat.Magic))
            return true;
        throw new InvalidDataException($"{section} at offset 0x0: magic 0x{magic:x4} is not 0x{BtfFormat.Magic:x4}.");
    }
}
