using System;
using System.Collections.Generic;
using System.Text;

namespace BpfSharp.Btf;

internal sealed partial class BtfSpec
{
    public static BtfSpec Parse(byte[] btf) => Parse(btf.AsSpan());

    /// <summary>Decodes a .BTF section or a raw BTF file such as /sys/kernel/btf/vmlinux.</summary>
    /// <exception cref="System.IO.InvalidDataException">The bytes are not well-formed BTF; the message names the offset.</exception>
    public static BtfSpec Parse(ReadOnlySpan<byte> btf)
    {
        bool bigEndian = BtfReader.DetectBigEndian(btf, ".BTF");
        var r = new BtfReader(btf, bigEndian, ".BTF");
        if (btf.Length < BtfFormat.HeaderLength)
            throw r.Error(0, $"{btf.Length} bytes is shorter than the {BtfFormat.HeaderLength}-byte header");
        if (btf[2] != BtfFormat.Version)
            throw r.Error(2, $"version {btf[2]} is not {BtfFormat.Version}");
        if (btf[3] != 0)
            throw r.Error(3, $"flags 0x{btf[3]:x} are not 0");

        uint headerLength = r.U32(4, "hdr_len");
        if (headerLength < BtfFormat.HeaderLength || headerLength > btf.Length)
            throw r.Error(4, $"hdr_len {headerLength} is outside {BtfFormat.HeaderLength}..{btf.Length}");
        var types = Subsection(r, (int)headerLength, 8, "type");
        var strings = Subsection(r, (int)headerLength, 16, "string");
        if (types.Offset % 4 != 0 || types.Length % 4 != 0)
            throw r.Error(8, $"type section at {types.Offset} of {types.Length} bytes is not 4-byte aligned");
        if (strings.Length == 0 || btf[strings.Offset] != 0 || btf[strings.Offset + strings.Length - 1] != 0)
            throw r.Error(strings.Offset, "the string section must start and end with NUL");

        var stringBytes = btf.Slice(strings.Offset, strings.Length).ToArray();
        var parser = new TypeParser(stringBytes, strings.Offset);
        var list = new List<BtfType?> { null };
        int end = types.Offset + types.Length;
        for (int pos = types.Offset; pos < end;)
            list.Add(parser.ParseOne(r, ref pos, end, list.Count));
        return new BtfSpec(list.ToArray(), stringBytes, bigEndian);
    }

    private static (int Offset, int Length) Subsection(BtfReader r, int headerLength, int field, string name)
    {
        uint offset = r.U32(field, $"{name}_off");
        uint length = r.U32(field + 4, $"{name}_len");
        long start = headerLength + (long)offset;
        if (start + length > r.Length)
            throw r.Error(field, $"{name} section {offset}+{length} after the header runs past the end ({r.Length} bytes)");
        return ((int)start, (int)length);
    }

    /// <summary>Decodes type records; caches names so vmlinux's many repeated member names are decoded once.</summary>
    private sealed class TypeParser
    {
        private readonly byte[] strings;
        private readonly int stringsAt;
        private readonly Dictionary<uint, string> names = new();

        public TypeParser(byte[] strings, int stringsAt)
        {
            this.strings = strings;
            this.stringsAt = stringsAt;
        }

        public BtfType ParseOne(BtfReader r, ref int pos, int end, int id)
        {
            int start = pos;
            if (end - pos < BtfFormat.TypeHeaderLength)
                throw r.Error(pos, $"type #{id} header runs past the type section");
            uint nameOffset = r.U32(pos, "name_off");
            uint info = r.U32(pos + 4, "info");
            uint sizeOrType = r.U32(pos + 8, "size/type");
            pos += BtfFormat.TypeHeaderLength;

            var kind = (BtfKind)((info >> 24) & 0x1f);
            int vlen = (int)(info & 0xffff);
            bool kindFlag = (info >> 31) != 0;
            string name = Name(r, nameOffset, start, id);

            int trailing = TrailingLength(kind, vlen);
            if (trailing < 0)
                throw r.Error(start, $"type #{id} has unknown kind {(int)kind}");
            if (end - pos < trailing)
                throw r.Error(start, $"type #{id} ({kind} '{name}') needs {trailing} more bytes than the type section has");
            int at = pos;
            pos += trailing;

            switch (kind)
            {
                case BtfKind.Int:
                {
                    uint word = r.U32(at, "int encoding");
                    return new BtfInt(name, sizeOrType, (BtfIntEncoding)((word >> 24) & 0x0f), (byte)(word & 0xff), (byte)((word >> 16) & 0xff));
                }
                case BtfKind.Pointer: return new BtfPointer(sizeOrType);
                case BtfKind.Array:
                {
                    return new BtfArray(r.U32(at, "array type"), r.U32(at + 4, "array index_type"), r.U32(at + 8, "array nelems"));
                }
                case BtfKind.Struct:
                case BtfKind.Union:
                {
                    var members = new BtfMember[vlen];
                    for (int i = 0; i < vlen; i++, at += 12)
                    {
                        string memberName = Name(r, r.U32(at, "member name_off"), at, id);
                        uint offset = r.U32(at + 8, "member offset");
                        members[i] = kindFlag
                            ? new BtfMember(memberName, r.U32(at + 4, "member type"), offset & 0xffffff, (byte)(offset >> 24))
                            : new BtfMember(memberName, r.U32(at + 4, "member type"), offset);
                    }
                    return kind == BtfKind.Struct ? new BtfStruct(name, sizeOrType, members) : new BtfUnion(name, sizeOrType, members);
                }
                case BtfKind.Enum:
                {
                    var values = new BtfEnumValue[vlen];
                    for (int i = 0; i < vlen; i++, at += 8)
                    {
                        uint raw = r.U32(at + 4, "enum val");
                        values[i] = new BtfEnumValue(Name(r, r.U32(at, "enum name_off"), at, id), kindFlag ? unchecked((int)raw) : raw);
                    }
                    return new BtfEnum(name, sizeOrType, kindFlag, values);
                }
                case BtfKind.Enum64:
                {
                    var values = new BtfEnumValue[vlen];
                    for (int i = 0; i < vlen; i++, at += 12)
                    {
                        ulong raw = r.U32(at + 4, "enum64 val_lo32") | ((ulong)r.U32(at + 8, "enum64 val_hi32") << 32);
                        values[i] = new BtfEnumValue(Name(r, r.U32(at, "enum64 name_off"), at, id), unchecked((long)raw));
                    }
                    return new BtfEnum64(name, sizeOrType, kindFlag, values);
                }
                case BtfKind.Forward: return new BtfForward(name, kindFlag);
                case BtfKind.Typedef: return new BtfTypedef(name, sizeOrType);
                case BtfKind.Volatile: return new BtfVolatile(sizeOrType);
                case BtfKind.Const: return new BtfConst(sizeOrType);
                case BtfKind.Restrict: return new BtfRestrict(sizeOrType);
                case BtfKind.TypeTag: return new BtfTypeTag(name, sizeOrType);
                case BtfKind.Func: return new BtfFunc(name, sizeOrType, (BtfFuncLinkage)vlen);
                case BtfKind.FuncProto:
                {
                    var parameters = new BtfParam[vlen];
                    for (int i = 0; i < vlen; i++, at += 8)
                        parameters[i] = new BtfParam(Name(r, r.U32(at, "param name_off"), at, id), r.U32(at + 4, "param type"));
                    return new BtfFuncProto(sizeOrType, parameters);
                }
                case BtfKind.Var: return new BtfVar(name, sizeOrType, (BtfVarLinkage)r.U32(at, "var linkage"));
                case BtfKind.DataSec:
                {
                    var vars = new BtfVarSecInfo[vlen];
                    for (int i = 0; i < vlen; i++, at += 12)
                        vars[i] = new BtfVarSecInfo(r.U32(at, "secinfo type"), r.U32(at + 4, "secinfo offset"), r.U32(at + 8, "secinfo size"));
                    return new BtfDataSec(name, sizeOrType, vars);
                }
                case BtfKind.Float: return new BtfFloat(name, sizeOrType);
                case BtfKind.DeclTag: return new BtfDeclTag(name, sizeOrType, unchecked((int)r.U32(at, "decl_tag component_idx")));
                default:
                    throw r.Error(start, $"type #{id} has unknown kind {(int)kind}");
            }
        }

        /// <summary>Bytes of kind-specific records after btf_type, or -1 for a kind this reader does not know.</summary>
        private static int TrailingLength(BtfKind kind, int vlen) => kind switch
        {
            BtfKind.Int or BtfKind.Var or BtfKind.DeclTag => 4,
            BtfKind.Array => 12,
            BtfKind.Struct or BtfKind.Union or BtfKind.Enum64 or BtfKind.DataSec => vlen * 12,
            BtfKind.Enum or BtfKind.FuncProto => vlen * 8,
            BtfKind.Pointer or BtfKind.Forward or BtfKind.Typedef or BtfKind.Volatile or BtfKind.Const
                or BtfKind.Restrict or BtfKind.TypeTag or BtfKind.Func or BtfKind.Float => 0,
            _ => -1,
        };

        private string Name(BtfReader r, uint offset, int at, int id)
        {
            if (offset == 0)
                return "";
            if (names.TryGetValue(offset, out var cached))
                return cached;
            if (offset >= strings.Length)
                throw r.Error(at, $"type #{id} name_off {offset} is outside the {strings.Length}-byte string section at 0x{stringsAt:x}");
            var value = ReadString(strings, offset);
            names.Add(offset, value);
            return value;
        }
    }

    internal static string ReadString(byte[] strings, uint offset)
    {
        var span = strings.AsSpan((int)offset);
        int length = span.IndexOf((byte)0);
        // Parse checked the section ends with NUL, so a terminator always exists.
        return Encoding.UTF8.GetString(strings, (int)offset, length);
    }
}
