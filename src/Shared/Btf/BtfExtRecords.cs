using System.Collections.Generic;

namespace BpfSharp.Btf;

/// <summary>
/// bpf_func_info as an ELF object stores it in .BTF.ext: <paramref name="InsnOffset"/> is a BYTE offset into the
/// code section, <paramref name="TypeId"/> a FUNC. The kernel wants instruction indices: see <see cref="BtfLoadInfo"/>.
/// </summary>
internal readonly record struct BtfFuncInfo(uint InsnOffset, uint TypeId);

/// <summary>
/// bpf_line_info in .BTF.ext: byte offset of the first instruction of a source line, and the file name and line
/// text as offsets into the .BTF string section. On the wire line and column share a word (line &lt;&lt; 10 | column).
/// </summary>
internal readonly record struct BtfLineInfo(uint InsnOffset, uint FileNameOffset, uint LineOffset, uint Line, uint Column)
{
    public uint LineColumn => (Line << BtfFormat.LineColumnBits) | (Column & ((1u << BtfFormat.LineColumnBits) - 1));

    public static BtfLineInfo FromWire(uint insnOffset, uint fileNameOffset, uint lineOffset, uint lineColumn)
        => new(insnOffset, fileNameOffset, lineOffset, lineColumn >> BtfFormat.LineColumnBits, lineColumn & ((1u << BtfFormat.LineColumnBits) - 1));
}

/// <summary>bpf_core_relo: a CO-RE relocation of the instruction at byte <paramref name="InsnOffset"/> (kind as enum bpf_core_relo_kind).</summary>
internal readonly record struct BtfCoreRelo(uint InsnOffset, uint TypeId, uint AccessStringOffset, uint Kind);

/// <summary>The records of one ELF code section, named through the .BTF string section.</summary>
internal sealed record BtfExtSection<T>(string Name, uint NameOffset, IReadOnlyList<T> Records);
