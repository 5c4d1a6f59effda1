using System;
using System.Buffers.Binary;

namespace BpfSharp.Btf;

/// <summary>A growable buffer of 32-bit words in the target's byte order (BTF is native-endian to its target).</summary>
internal sealed class BtfWriter
{
    private byte[] buffer = new byte[256];

    public BtfWriter(bool bigEndian = false) => BigEndian = bigEndian;

    public bool BigEndian { get; }

    public int Length { get; private set; }

    public void U16(ushort value)
    {
        var span = Reserve(2);
        if (BigEndian) BinaryPrimitives.WriteUInt16BigEndian(span, value);
        else BinaryPrimitives.WriteUInt16LittleEndian(span, value);
    }

    public void U8(byte value) => Reserve(1)[0] = value;

    public void U32(uint value)
    {
        var span = Reserve(4);
        if (BigEndian) BinaryPrimitives.WriteUInt32BigEndian(span, value);
        else BinaryPrimitives.WriteUInt32LittleEndian(span, value);
    }

    public void I32(int value) => U32(unchecked((uint)value));

    public void Bytes(ReadOnlySpan<byte> value) => value.CopyTo(Reserve(value.Length));

    /// <summary>Overwrites a word written earlier, for lengths known only later.</summary>
    public void PatchU32(int position, uint value)
    {
        var span = buffer.AsSpan(position, 4);
        if (BigEndian) BinaryPrimitives.WriteUInt32BigEndian(span, value);
        else BinaryPrimitives.WriteUInt32LittleEndian(span, value);
    }

    public byte[] ToArray() => buffer.AsSpan(0, Length).ToArray();

    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    private Span<byte> Reserve(int count)
    {
        if (Length + count > buffer.Length)
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Length + count));
        var span = buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
