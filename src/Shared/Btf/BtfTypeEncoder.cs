using System;
using System.Collections.Generic;

namespace BpfSharp.Btf;

/// <summary>Writes one <see cref="BtfType"/> as <c>struct btf_type</c> plus the kind's trailing records.</summary>
internal static class BtfTypeEncoder
{
    public static void Encode(BtfType type, BtfStringTable strings, BtfWriter w)
    {
        uint name = strings.Add(type.Name);
        switch (type)
        {
            case BtfInt t:
                if (t.Bits > 128 || t.BitOffset + t.Bits > t.Size * 8)
                    throw new ArgumentException($"INT '{t.Name}': {t.Bits} bits at {t.BitOffset} do not fit in {t.Size} bytes.");
                // The kernel accepts one encoding at a time: a signed char is "char" with SIGNED, as clang emits it.
                if (t.Encoding is not (BtfIntEncoding.None or BtfIntEncoding.Signed or BtfIntEncoding.Char or BtfIntEncoding.Bool))
                    throw new ArgumentException($"INT '{t.Name}': encoding {t.Encoding} combines flags the kernel rejects.");
                Header(w, name, t.Kind, 0, false, t.Size);
                w.U32(((uint)t.Encoding << 24) | ((uint)t.BitOffset << 16) | t.Bits);
                break;
            case BtfFloat t:
                Header(w, name, t.Kind, 0, false, t.Size);
                break;
            case BtfPointer t:
                Header(w, name, t.Kind, 0, false, t.Target);
                break;
            case BtfArray t:
                Header(w, name, t.Kind, 0, false, 0);
                w.U32(t.ElementType);
                w.U32(t.IndexType);
                w.U32(t.Count);
                break;
            case BtfTypedef t:
                Header(w, name, t.Kind, 0, false, t.Target);
                break;
            case BtfVolatile t:
                Header(w, name, t.Kind, 0, false, t.Target);
                break;
            case BtfConst t:
                Header(w, name, t.Kind, 0, false, t.Target);
                break;
            case BtfRestrict t:
                Header(w, name, t.Kind, 0, false, t.Target);
                break;
            case BtfTypeTag t:
                Header(w, name, t.Kind, 0, false, t.Target);
                break;
            case BtfForward t:
                Header(w, name, t.Kind, 0, t.IsUnion, 0);
                break;
            case BtfComposite t:
                EncodeComposite(t, name, strings, w);
                break;
            case BtfEnum t:
                Header(w, name, t.Kind, Vlen(t.Values.Count, t), t.Signed, t.Size);
                foreach (var v in t.Values)
                {
                    if (v.Value < int.MinValue || v.Value > uint.MaxValue)
                        throw new ArgumentException($"ENUM '{t.Name}': {v.Name} = {v.Value} needs ENUM64.");
                    w.U32(strings.Add(v.Name));
                    w.U32(unchecked((uint)v.Value));
                }
                break;
            case BtfEnum64 t:
                Header(w, name, t.Kind, Vlen(t.Values.Count, t), t.Signed, t.Size);
                foreach (var v in t.Values)
                {
                    w.U32(strings.Add(v.Name));
                    w.U32(unchecked((uint)v.Value));
                    w.U32(unchecked((uint)((ulong)v.Value >> 32)));
                }
                break;
            case BtfFunc t:
                // A FUNC's vlen is not a count: it carries the linkage.
                Header(w, name, t.Kind, (ushort)t.Linkage, false, t.Proto);
                break;
            case BtfFuncProto t:
                Header(w, name, t.Kind, Vlen(t.Params.Count, t), false, t.ReturnType);
                foreach (var p in t.Params)
                {
                    w.U32(strings.Add(p.Name));
                    w.U32(p.Type);
                }
                break;
            case BtfVar t:
                Header(w, name, t.Kind, 0, false, t.Type);
                w.U32((uint)t.Linkage);
                break;
            case BtfDataSec t:
                Header(w, name, t.Kind, Vlen(t.Vars.Count, t), false, t.Size);
                foreach (var v in t.Vars)
                {
                    w.U32(v.Type);
                    w.U32(v.Offset);
                    w.U32(v.Size);
                }
                break;
            case BtfDeclTag t:
                Header(w, name, t.Kind, 0, false, t.Target);
                w.I32(t.ComponentIndex);
                break;
            default:
                throw new ArgumentException($"No BTF encoding for {type.GetType().Name}.");
        }
    }

    /// <summary>The type ids <paramref name="type"/> refers to, so a builder can check they exist.</summary>
    public static IEnumerable<uint> References(BtfType type)
    {
        switch (type)
        {
            case BtfPointer t: yield return t.Target; break;
            case BtfArray t: yield return t.ElementType; yield return t.IndexType; break;
            case BtfTypedef t: yield return t.Target; break;
            case BtfVolatile t: yield return t.Target; break;
            case BtfConst t: yield return t.Target; break;
            case BtfRestrict t: yield return t.Target; break;
            case BtfTypeTag t: yield return t.Target; break;
            case BtfDeclTag t: yield return t.Target; break;
            case BtfFunc t: yield return t.Proto; break;
            case BtfVar t: yield return t.Type; break;
            case BtfComposite t:
                foreach (var m in t.Members) yield return m.Type;
                break;
            case BtfFuncProto t:
                yield return t.ReturnType;
                foreach (var p in t.Params) yield return p.Type;
                break;
            case BtfDataSec t:
                foreach (var v in t.Vars) yield return v.Type;
                break;
        }
    }

    private static void EncodeComposite(BtfComposite t, uint name, BtfStringTable strings, BtfWriter w)
    {
        bool bitfields = t.HasBitfields;
        Header(w, name, t.Kind, Vlen(t.Members.Count, t), bitfields, t.Size);
        foreach (var m in t.Members)
        {
            if (bitfields && m.BitOffset > 0xffffff)
                throw new ArgumentException($"{t.Kind} '{t.Name}': member {m.Name} offset {m.BitOffset} needs more than 24 bits.");
            w.U32(strings.Add(m.Name));
            w.U32(m.Type);
            w.U32(bitfields ? ((uint)m.BitfieldSize << 24) | m.BitOffset : m.BitOffset);
        }
    }

    private static void Header(BtfWriter w, uint name, BtfKind kind, ushort vlen, bool kindFlag, uint sizeOrType)
    {
        w.U32(name);
        w.U32((kindFlag ? 1u << 31 : 0) | ((uint)kind << 24) | vlen);
        w.U32(sizeOrType);
    }

    private static ushort Vlen(int count, BtfType type)
        => count <= BtfFormat.MaxVlen
            ? (ushort)count
            : throw new ArgumentException($"{type.Kind} '{type.Name}' has {count} entries; BTF allows {BtfFormat.MaxVlen}.");
}
