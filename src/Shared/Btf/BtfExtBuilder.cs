using System;
using System.Collections.Generic;
using System.Linq;

namespace BpfSharp.Btf;

/// <summary>
/// Builds a .BTF.ext section next to a <see cref="BtfBuilder"/>: section names, file names and source lines are
/// interned into that builder's strings, so add records before building the .BTF section.
/// </summary>
internal sealed class BtfExtBuilder
{
    private readonly BtfBuilder btf;
    private readonly List<(string Section, BtfFuncInfo Record)> funcs = new();
    private readonly List<(string Section, BtfLineInfo Record)> lines = new();

    public BtfExtBuilder(BtfBuilder btf) => this.btf = btf;

    /// <summary>Declares that the function <paramref name="funcTypeId"/> (a FUNC) starts at byte <paramref name="insnByteOffset"/> of <paramref name="section"/>.</summary>
    public void AddFunc(string section, uint insnByteOffset, uint funcTypeId)
    {
        CheckAligned(insnByteOffset);
        btf.Strings.Add(section);
        funcs.Add((section, new BtfFuncInfo(insnByteOffset, funcTypeId)));
    }

    /// <summary>Maps the instruction at byte <paramref name="insnByteOffset"/> of <paramref name="section"/> to a source line.</summary>
    public void AddLine(string section, uint insnByteOffset, string fileName, string lineText, uint line, uint column)
    {
        CheckAligned(insnByteOffset);
        if (column >= 1u << BtfFormat.LineColumnBits || line >= 1u << (32 - BtfFormat.LineColumnBits))
            throw new ArgumentOutOfRangeException(nameof(line), $"Line {line} column {column} does not fit line_col.");
        btf.Strings.Add(section);
        lines.Add((section, new BtfLineInfo(insnByteOffset, btf.Strings.Add(fileName), btf.Strings.Add(lineText), line, column)));
    }

    public byte[] Build()
    {
        var funcInfo = Subsection(funcs, BtfFormat.FuncInfoRecordSize, (w, f) =>
        {
            w.U32(f.InsnOffset);
            w.U32(f.TypeId);
        });
        var lineInfo = Subsection(lines, BtfFormat.LineInfoRecordSize, (w, l) =>
        {
            w.U32(l.InsnOffset);
            w.U32(l.FileNameOffset);
            w.U32(l.LineOffset);
            w.U32(l.LineColumn);
        });

        var w = new BtfWriter(btf.BigEndian);
        w.U16(BtfFormat.Magic);
        w.U8(BtfFormat.Version);
        w.U8(0);
        w.U32(BtfFormat.ExtHeaderLength);
        w.U32(0);
        w.U32((uint)funcInfo.Length);
        w.U32((uint)funcInfo.Length);
        w.U32((uint)lineInfo.Length);
        // No CO-RE relocations: an empty subsection right after line_info.
        w.U32((uint)(funcInfo.Length + lineInfo.Length));
        w.U32(0);
        w.Bytes(funcInfo);
        w.Bytes(lineInfo);
        return w.ToArray();
    }

    private byte[] Subsection<T>(List<(string Section, T Record)> records, int recordSize, Action<BtfWriter, T> write)
        where T : struct
    {
        if (records.Count == 0)
            return Array.Empty<byte>();
        var w = new BtfWriter(btf.BigEndian);
        w.U32((uint)recordSize);
        // Sections in first-use order; records keep their order within a section.
        foreach (var group in records.GroupBy(r => r.Section))
        {
            w.U32(btf.Strings.Add(group.Key));
            w.U32((uint)group.Count());
            foreach (var (_, record) in group)
                write(w, record);
        }
        return w.ToArray();
    }

    private static void CheckAligned(uint insnByteOffset)
    {
        if (insnByteOffset % BtfFormat.InstructionSize != 0)
            throw new ArgumentException($"Byte offset {insnByteOffset} is not on an instruction boundary.", nameof(insnByteOffset));
    }
}
