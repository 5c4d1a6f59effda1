using System.Buffers.Binary;
using System.Text;
using BpfSharp.Btf;
using BpfSharp.Elf;

namespace BpfSharp.Runtime.Objects;

/// <summary>
/// Object-file BTF as the compiler leaves it has DATASEC sizes and variable offsets of 0: only the linker (or the
/// loader) knows them. The kernel checks them against the map value size, so they are filled in from the ELF
/// section sizes and symbol values here, in place, keeping every string offset that .BTF.ext refers to.
/// </summary>
internal static class ObjectBtf
{
    public static byte[] FixUp(byte[] btf, ElfFile elf)
    {
        var bytes = (byte[])btf.Clone();
        var span = bytes.AsSpan();
        if (span.Length < BtfFormat.HeaderLength || BinaryPrimitives.ReadUInt16LittleEndian(span) != BtfFormat.Magic)
            return bytes; // big-endian or malformed: BtfSpec.Parse reports it
        int headerLength = (int)U32(span, 4);
        int typesAt = headerLength + (int)U32(span, 8), typesEnd = typesAt + (int)U32(span, 12);
        int stringsAt = headerLength + (int)U32(span, 16);

        // Type records by id, so a DATASEC entry can find its VAR's name.
        var positions = new List<int> { 0 };
        for (int pos = typesAt; pos < typesEnd;)
        {
            positions.Add(pos);
            uint info = U32(span, pos + 4);
            pos += BtfFormat.TypeHeaderLength + Trailing((BtfKind)((info >> 24) & 0x1f), (int)(info & 0xffff));
        }

        foreach (int pos in positions.Skip(1))
        {
            uint info = U32(span, pos + 4);
            if ((BtfKind)((info >> 24) & 0x1f) != BtfKind.DataSec)
                continue;
            string name = Name(span, stringsAt, U32(span, pos));
            var section = elf.FindSection(name);
            if (section is null)
                continue; // .kconfig, .ksyms: extern sections the loader would have to synthesize
            Write(span, pos + 8, (uint)section.Size);
            int vlen = (int)(info & 0xffff);
            var entries = new List<(uint Type, uint Offset, uint Size)>();
            for (int i = 0; i < vlen; i++)
            {
                int at = pos + BtfFormat.TypeHeaderLength + i * 12;
                uint type = U32(span, at);
                uint offset = U32(span, at + 4);
                if (type < positions.Count)
                {
                    string variable = Name(span, stringsAt, U32(span, positions[(int)type]));
                    foreach (var symbol in elf.Symbols)
                        if (symbol.SectionIndex == section.Index && symbol.Name == variable && symbol.Type is ElfSymbolType.Object or ElfSymbolType.NoType)
                        {
                            offset = (uint)symbol.Value;
                            break;
                        }
                }
                entries.Add((type, offset, U32(span, at + 8)));
            }
            // The kernel wants variables in ascending, non-overlapping order.
            entries.Sort((a, b) => a.Offset.CompareTo(b.Offset));
            for (int i = 0; i < entries.Count; i++)
            {
                int at = pos + BtfFormat.TypeHeaderLength + i * 12;
                Write(span, at, entries[i].Type);
                Write(span, at + 4, entries[i].Offset);
                Write(span, at + 8, entries[i].Size);
            }
        }
        return bytes;
    }

    private static int Trailing(BtfKind kind, int vlen) => kind switch
    {
        BtfKind.Int or BtfKind.Var or BtfKind.DeclTag => 4,
        BtfKind.Array => 12,
        BtfKind.Struct or BtfKind.Union or BtfKind.Enum64 or BtfKind.DataSec => vlen * 12,
        BtfKind.Enum or BtfKind.FuncProto => vlen * 8,
        _ => 0,
    };

    private static uint U32(ReadOnlySpan<byte> span, int at) => BinaryPrimitives.ReadUInt32LittleEndian(span[at..]);

    private static void Write(Span<byte> span, int at, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(span[at..], value);

    private static string Name(ReadOnlySpan<byte> span, int stringsAt, uint offset)
    {
        var rest = span[(stringsAt + (int)offset)..];
        int end = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }
}
