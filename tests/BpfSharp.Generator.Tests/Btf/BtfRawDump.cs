using System.Globalization;
using System.Text;
using BpfSharp.Btf;

namespace BpfSharp.Generator.Tests.Btf;

/// <summary>
/// Renders a decoded spec the way `bpftool btf dump ... format raw` does, so that our decoder can be compared
/// with libbpf's line by line on real BTF (clang objects, the kernel's vmlinux).
/// </summary>
internal static class BtfRawDump
{
    public static string Render(BtfSpec spec)
    {
        var s = new StringBuilder();
        foreach (var (id, type) in spec.Types)
            Render(spec, id, type, s);
        return s.ToString();
    }

    private static void Render(BtfSpec spec, uint id, BtfType type, StringBuilder s)
    {
        string name = type.Name.Length == 0 ? "(anon)" : type.Name;
        s.Append(CultureInfo.InvariantCulture, $"[{id}] {KindName(type.Kind)} '{name}'");
        switch (type)
        {
            case BtfInt t:
                s.Append(CultureInfo.InvariantCulture, $" size={t.Size} bits_offset={t.BitOffset} nr_bits={t.Bits} encoding={IntEncoding(t.Encoding)}");
                break;
            case BtfFloat t: s.Append(CultureInfo.InvariantCulture, $" size={t.Size}"); break;
            case BtfPointer t: s.Append(CultureInfo.InvariantCulture, $" type_id={t.Target}"); break;
            case BtfArray t: s.Append(CultureInfo.InvariantCulture, $" type_id={t.ElementType} index_type_id={t.IndexType} nr_elems={t.Count}"); break;
            case BtfTypedef t: s.Append(CultureInfo.InvariantCulture, $" type_id={t.Target}"); break;
            case BtfVolatile t: s.Append(CultureInfo.InvariantCulture, $" type_id={t.Target}"); break;
            case BtfConst t: s.Append(CultureInfo.InvariantCulture, $" type_id={t.Target}"); break;
            case BtfRestrict t: s.Append(CultureInfo.InvariantCulture, $" type_id={t.Target}"); break;
            case BtfTypeTag t: s.Append(CultureInfo.InvariantCulture, $" type_id={t.Target}"); break;
            case BtfDeclTag t: s.Append(CultureInfo.InvariantCulture, $" type_id={t.Target} component_idx={t.ComponentIndex}"); break;
            case BtfForward t: s.Append(t.IsUnion ? " fwd_kind=union" : " fwd_kind=struct"); break;
            case BtfFunc t: s.Append(CultureInfo.InvariantCulture, $" type_id={t.Proto} linkage={Linkage((uint)t.Linkage)}"); break;
            case BtfVar t: s.Append(CultureInfo.InvariantCulture, $" type_id={t.Type}, linkage={Linkage((uint)t.Linkage)}"); break;
            case BtfComposite t:
                s.Append(CultureInfo.InvariantCulture, $" size={t.Size} vlen={t.Members.Count}");
                foreach (var m in t.Members)
                {
                    s.Append(CultureInfo.InvariantCulture, $"\n\t'{Anon(m.Name)}' type_id={m.Type} bits_offset={m.BitOffset}");
                    if (m.BitfieldSize != 0)
                        s.Append(CultureInfo.InvariantCulture, $" bitfield_size={m.BitfieldSize}");
                }
                break;
            case BtfEnum t:
                s.Append(CultureInfo.InvariantCulture, $" encoding={(t.Signed ? "SIGNED" : "UNSIGNED")} size={t.Size} vlen={t.Values.Count}");
                foreach (var v in t.Values)
                    s.Append(CultureInfo.InvariantCulture, $"\n\t'{Anon(v.Name)}' val={v.Value}");
                break;
            case BtfEnum64 t:
                s.Append(CultureInfo.InvariantCulture, $" encoding={(t.Signed ? "SIGNED" : "UNSIGNED")} size={t.Size} vlen={t.Values.Count}");
                foreach (var v in t.Values)
                    s.Append(t.Signed
                        ? string.Create(CultureInfo.InvariantCulture, $"\n\t'{Anon(v.Name)}' val={v.Value}LL")
                        : string.Create(CultureInfo.InvariantCulture, $"\n\t'{Anon(v.Name)}' val={(ulong)v.Value}ULL"));
                break;
            case BtfFuncProto t:
                s.Append(CultureInfo.InvariantCulture, $" ret_type_id={t.ReturnType} vlen={t.Params.Count}");
                foreach (var p in t.Params)
                    s.Append(CultureInfo.InvariantCulture, $"\n\t'{Anon(p.Name)}' type_id={p.Type}");
                break;
            case BtfDataSec t:
                s.Append(CultureInfo.InvariantCulture, $" size={t.Size} vlen={t.Vars.Count}");
                foreach (var v in t.Vars)
                {
                    var target = spec[v.Type];
                    s.Append(CultureInfo.InvariantCulture, $"\n\ttype_id={v.Type} offset={v.Offset} size={v.Size} ({KindName(target.Kind)} '{Anon(target.Name)}')");
                }
                break;
        }
        s.Append('\n');
    }

    private static string Anon(string name) => name.Length == 0 ? "(anon)" : name;

    private static string IntEncoding(BtfIntEncoding e) => e switch
    {
        BtfIntEncoding.None => "(none)",
        BtfIntEncoding.Signed => "SIGNED",
        BtfIntEncoding.Char => "CHAR",
        BtfIntEncoding.Bool => "BOOL",
        _ => "UNKN",
    };

    private static string Linkage(uint linkage) => linkage switch { 0 => "static", 1 => "global", 2 => "extern", _ => "(unknown)" };

    private static string KindName(BtfKind kind) => kind switch
    {
        BtfKind.Int => "INT",
        BtfKind.Pointer => "PTR",
        BtfKind.Array => "ARRAY",
        BtfKind.Struct => "STRUCT",
        BtfKind.Union => "UNION",
        BtfKind.Enum => "ENUM",
        BtfKind.Forward => "FWD",
        BtfKind.Typedef => "TYPEDEF",
        BtfKind.Volatile => "VOLATILE",
        BtfKind.Const => "CONST",
        BtfKind.Restrict => "RESTRICT",
        BtfKind.Func => "FUNC",
        BtfKind.FuncProto => "FUNC_PROTO",
        BtfKind.Var => "VAR",
        BtfKind.DataSec => "DATASEC",
        BtfKind.Float => "FLOAT",
        BtfKind.DeclTag => "DECL_TAG",
        BtfKind.TypeTag => "TYPE_TAG",
        BtfKind.Enum64 => "ENUM64",
        _ => "UNKNOWN",
    };
}
