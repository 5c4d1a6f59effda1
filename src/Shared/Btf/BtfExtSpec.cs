using System;
using System.Collections.Generic;

namespace BpfSharp.Btf;

/// <summary>
/// Decoded .BTF.ext: per code section, the func_info, line_info and CO-RE relocation records. Offsets in the
/// records stay as stored (bytes, string offsets) because the kernel is given the same .BTF strings.
/// </summary>
internal sealed class BtfExtSpec
{
    private BtfExtSpec(
        IReadOnlyList<BtfExtSection<BtfFuncInfo>> funcInfo,
        IReadOnlyList<BtfExtSection<BtfLineInfo>> lineInfo,
        IReadOnlyList<BtfExtSection<BtfCoreRelo>> coreRelos)
    {
        FuncInfo = funcInfo;
        LineInfo = lineInfo;
        CoreRelos = coreRelos;
    }

    public IReadOnlyList<BtfExtSection<BtfFuncInfo>> FuncInfo { get; }

    public IReadOnlyList<BtfExtSection<BtfLineInfo>> LineInfo { get; }

    public IReadOnlyList<BtfExtSection<BtfCoreRelo>> CoreRelos { get; }

    public IReadOnlyList<BtfFuncInfo> FuncInfoFor(string section) => For(FuncInfo, section);

    public IReadOnlyList<BtfLineInfo> LineInfoFor(string section) => For(LineInfo, section);

    public IReadOnlyList<BtfCoreRelo> CoreRelosFor(string section) => For(CoreRelos, section);

    public static BtfExtSpec Parse(byte[] ext, BtfSpec btf) => Parse(ext.AsSpan(), btf);

    /// <summary>Decodes a .BTF.ext section whose names refer to <paramref name="btf"/>'s strings.</summary>
    /// <exception cref="System.IO.InvalidDataException">Malformed input; the message names the offset.</exception>
    public static BtfExtSpec Parse(ReadOnlySpan<byte> ext, BtfSpec btf)
    {
        var r = new BtfReader(ext, BtfReader.DetectBigEndian(ext, ".BTF.ext"), ".BTF.ext");
        if (ext.Length < 8)
            throw r.Error(0, $"{ext.Length} bytes is too short for a header");
        if (ext[2] != BtfFormat.Version)
            throw r.Error(2, $"version {ext[2]} is not {BtfFormat.Version}");
        uint headerLength = r.U32(4, "hdr_len");
        if (headerLength < BtfFormat.ExtHeaderMinLength || headerLength > ext.Length)
            throw r.Error(4, $"hdr_len {headerLength} is outside {BtfFormat.ExtHeaderMinLength}..{ext.Length}");

        var funcs = Subsection(r, (int)headerLength, 8, "func_info", btf, BtfFormat.FuncInfoRecordSize,
            (rr, at) => new BtfFuncInfo(rr.U32(at, "insn_off"), rr.U32(at + 4, "type_id")));
        var lines = Subsection(r, (int)headerLength, 16, "line_info", btf, BtfFormat.LineInfoRecordSize,
            (rr, at) => BtfLineInfo.FromWire(rr.U32(at, "insn_off"), rr.U32(at + 4, "file_name_off"), rr.U32(at + 8, "line_off"), rr.U32(at + 12, "line_col")));
        // Headers from before CO-RE end after line_info; their absence means no relocations.
        var relos = headerLength >= BtfFormat.ExtHeaderLength
            ? Subsection(r, (int)headerLength, 24, "core_relo", btf, BtfFormat.CoreReloRecordSize,
                (rr, at) => new BtfCoreRelo(rr.U32(at, "insn_off"), rr.U32(at + 4, "type_id"), rr.U32(at + 8, "access_str_off"), rr.U32(at + 12, "kind")))
            : Array.Empty<BtfExtSection<BtfCoreRelo>>();
        return new BtfExtSpec(funcs, lines, relos);
    }

    private delegate T RecordReader<T>(BtfReader r, int at);

    private static IReadOnlyList<BtfExtSection<T>> Subsection<T>(
        BtfReader r, int headerLength, int field, string name, BtfSpec btf, int minRecordSize, RecordReader<T> read)
    {
        uint offset = r.U32(field, $"{name}_off");
        uint length = r.U32(field + 4, $"{name}_len");
        if (length == 0)
            return Array.Empty<BtfExtSection<T>>();
        long start = headerLength + (long)offset;
        long end = start + length;
        if (end > r.Length)
            throw r.Error(field, $"{name} {offset}+{length} after the header runs past the end ({r.Length} bytes)");

        int pos = (int)start;
        uint recordSize = r.U32(pos, $"{name} rec_size");
        // Newer producers may append fields; what we know is at the front of each record.
        if (recordSize < minRecordSize || recordSize % 4 != 0 || recordSize > 1024)
            throw r.Error(pos, $"{name} rec_size {recordSize} is not a multiple of 4 of at least {minRecordSize}");
        pos += 4;

        var sections = new List<BtfExtSection<T>>();
        while (pos < end)
        {
            if (end - pos < 8)
                throw r.Error(pos, $"{name} section header runs past the subsection end");
            uint nameOffset = r.U32(pos, "sec_name_off");
            uint count = r.U32(pos + 4, "num_info");
            if (nameOffset >= btf.StringSectionLength)
                throw r.Error(pos, $"{name} sec_name_off {nameOffset} is outside the .BTF string section ({btf.StringSectionLength} bytes)");
            if (count == 0 || (end - pos - 8) / recordSize < count)
                throw r.Error(pos + 4, $"{name} num_info {count} records of {recordSize} bytes do not fit the subsection");
            pos += 8;
            var records = new T[count];
            for (int i = 0; i < count; i++, pos += (int)recordSize)
                records[i] = read(r, pos);
            sections.Add(new BtfExtSection<T>(btf.GetString(nameOffset), nameOffset, records));
        }
        return sections;
    }

    private static IReadOnlyList<T> For<T>(IReadOnlyList<BtfExtSection<T>> sections, string name)
    {
        foreach (var section in sections)
            if (section.Name == name)
                return section.Records;
        return Array.Empty<T>();
    }
}
