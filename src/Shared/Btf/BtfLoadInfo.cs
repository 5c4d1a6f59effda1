using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;

namespace BpfSharp.Btf;

/// <summary>struct bpf_func_info as BPF_PROG_LOAD takes it: <paramref name="InsnIndex"/> counts instructions, not bytes.</summary>
internal readonly record struct BpfFuncInfoRecord(uint InsnIndex, uint TypeId);

/// <summary>struct bpf_line_info as BPF_PROG_LOAD takes it: <paramref name="InsnIndex"/> counts instructions, not bytes.</summary>
internal readonly record struct BpfLineInfoRecord(uint InsnIndex, uint FileNameOffset, uint LineOffset, uint LineColumn)
{
    /// <summary>The source line, from the word it shares with the column.</summary>
    public uint Line => LineColumn >> BtfFormat.LineColumnBits;
}

/// <summary>
/// Turns .BTF.ext records (byte offsets within an ELF section) into the records BPF_PROG_LOAD wants (instruction
/// indices within the loaded program). A program is a byte range of its section, and subprograms from another
/// section may be appended to it, so each piece is converted with its own range and destination index.
/// </summary>
internal static class BtfLoadInfo
{
    public const int FuncInfoRecordSize = 8;
    public const int LineInfoRecordSize = 16;

    /// <summary>func_info records in bytes [<paramref name="byteStart"/>, <paramref name="byteEnd"/>) of the section, moved to start at instruction <paramref name="firstInsn"/>.</summary>
    public static List<BpfFuncInfoRecord> FuncInfo(IEnumerable<BtfFuncInfo> records, uint byteStart, uint byteEnd, uint firstInsn = 0)
    {
        var result = new List<BpfFuncInfoRecord>();
        foreach (var record in records)
            if (record.InsnOffset >= byteStart && record.InsnOffset < byteEnd)
                result.Add(new BpfFuncInfoRecord(Index(record.InsnOffset, byteStart, firstInsn), record.TypeId));
        return result;
    }

    /// <summary>line_info records in bytes [<paramref name="byteStart"/>, <paramref name="byteEnd"/>) of the section, moved to start at instruction <paramref name="firstInsn"/>.</summary>
    public static List<BpfLineInfoRecord> LineInfo(IEnumerable<BtfLineInfo> records, uint byteStart, uint byteEnd, uint firstInsn = 0)
    {
        var result = new List<BpfLineInfoRecord>();
        foreach (var record in records)
            if (record.InsnOffset >= byteStart && record.InsnOffset < byteEnd)
                result.Add(new BpfLineInfoRecord(Index(record.InsnOffset, byteStart, firstInsn), record.FileNameOffset, record.LineOffset, record.LineColumn));
        return result;
    }

    /// <summary>The bytes for bpf_attr.func_info (func_info_rec_size = 8), in the host's byte order.</summary>
    public static byte[] Encode(IReadOnlyList<BpfFuncInfoRecord> records)
    {
        var bytes = new byte[records.Count * FuncInfoRecordSize];
        for (int i = 0; i < records.Count; i++)
        {
            var span = bytes.AsSpan(i * FuncInfoRecordSize);
            Write(span, records[i].InsnIndex);
            Write(span.Slice(4), records[i].TypeId);
        }
        return bytes;
    }

    /// <summary>The bytes for bpf_attr.line_info (line_info_rec_size = 16), in the host's byte order.</summary>
    public static byte[] Encode(IReadOnlyList<BpfLineInfoRecord> records)
    {
        var bytes = new byte[records.Count * LineInfoRecordSize];
        for (int i = 0; i < records.Count; i++)
        {
            var span = bytes.AsSpan(i * LineInfoRecordSize);
            Write(span, records[i].InsnIndex);
            Write(span.Slice(4), records[i].FileNameOffset);
            Write(span.Slice(8), records[i].LineOffset);
            Write(span.Slice(12), records[i].LineColumn);
        }
        return bytes;
    }

    private static uint Index(uint byteOffset, uint byteStart, uint firstInsn)
    {
        uint relative = byteOffset - byteStart;
        if (relative % BtfFormat.InstructionSize != 0)
            throw new InvalidDataException($".BTF.ext insn_off {byteOffset} is not on an instruction boundary of a program starting at byte {byteStart}.");
        return firstInsn + relative / BtfFormat.InstructionSize;
    }

    private static void Write(Span<byte> span, uint value)
    {
        if (BitConverter.IsLittleEndian) BinaryPrimitives.WriteUInt32LittleEndian(span, value);
        else BinaryPrimitives.WriteUInt32BigEndian(span, value);
    }
}
