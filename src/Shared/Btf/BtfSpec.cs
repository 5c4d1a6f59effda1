using System;
using System.Collections.Generic;

namespace BpfSharp.Btf;

/// <summary>
/// Decoded BTF: the types by id (1..<see cref="Count"/>, 0 is void) and the string section, which .BTF.ext and the
/// kernel's func/line info keep referring to by offset.
/// </summary>
internal sealed partial class BtfSpec
{
    private readonly BtfType?[] types;
    private readonly byte[] strings;
    private Dictionary<string, List<uint>>? byName;

    private BtfSpec(BtfType?[] types, byte[] strings, bool bigEndian)
    {
        this.types = types;
        this.strings = strings;
        BigEndian = bigEndian;
    }

    public bool BigEndian { get; }

    /// <summary>The highest type id.</summary>
    public uint Count => (uint)types.Length - 1;

    public BtfType this[uint id] => id >= 1 && id < types.Length
        ? types[id]!
        : throw new ArgumentOutOfRangeException(nameof(id), $"BTF type id {id} is not in 1..{Count}.");

    public IEnumerable<(uint Id, BtfType Type)> Types
    {
        get
        {
            for (uint id = 1; id < types.Length; id++)
                yield return (id, types[id]!);
        }
    }

    public int StringSectionLength => strings.Length;

    /// <summary>The string at <paramref name="offset"/> in the string section.</summary>
    public string GetString(uint offset)
        => offset < strings.Length
            ? ReadString(strings, offset)
            : throw new ArgumentOutOfRangeException(nameof(offset), $"String offset {offset} is outside the {strings.Length}-byte string section.");

    /// <summary>Ids of every type named <paramref name="name"/>, in id order.</summary>
    public IReadOnlyList<uint> FindAll(string name)
    {
        if (byName == null)
        {
            var index = new Dictionary<string, List<uint>>(StringComparer.Ordinal);
            for (uint id = 1; id < types.Length; id++)
            {
                string typeName = types[id]!.Name;
                if (typeName.Length == 0)
                    continue;
                if (!index.TryGetValue(typeName, out var ids))
                    index.Add(typeName, ids = new List<uint>(1));
                ids.Add(id);
            }
            byName = index;
        }
        return byName.TryGetValue(name, out var found) ? found : Array.Empty<uint>();
    }

    /// <summary>The id of the first type of <paramref name="kind"/> named <paramref name="name"/>, or 0.</summary>
    public uint Find(string name, BtfKind kind)
    {
        foreach (uint id in FindAll(name))
            if (types[id]!.Kind == kind)
                return id;
        return 0;
    }

    /// <summary>Follows typedefs, qualifiers and type tags to the type that gives the layout (0 stays void).</summary>
    public uint Resolve(uint id)
    {
        for (int depth = 0; depth < MaxChain; depth++)
        {
            if (id == 0)
                return 0;
            switch (this[id])
            {
                case BtfTypedef t: id = t.Target; break;
                case BtfConst t: id = t.Target; break;
                case BtfVolatile t: id = t.Target; break;
                case BtfRestrict t: id = t.Target; break;
                case BtfTypeTag t: id = t.Target; break;
                default: return id;
            }
        }
        throw new InvalidOperationException($"BTF type chain from id {id} is longer than {MaxChain}; it probably loops.");
    }

    /// <summary>The size in bytes of a value of type <paramref name="id"/>, as sizeof would give it.</summary>
    public uint SizeOf(uint id)
    {
        ulong elements = 1;
        for (int depth = 0; depth < MaxChain; depth++)
        {
            id = Resolve(id);
            if (id == 0)
                throw new InvalidOperationException("void has no size.");
            switch (this[id])
            {
                case BtfInt t: return Total(t.Size);
                case BtfFloat t: return Total(t.Size);
                case BtfComposite t: return Total(t.Size);
                case BtfEnum t: return Total(t.Size);
                case BtfEnum64 t: return Total(t.Size);
                case BtfDataSec t: return Total(t.Size);
                // BPF is a 64-bit target; pointers are 8 bytes however the BTF came to be.
                case BtfPointer: return Total(8);
                case BtfVar t: id = t.Type; break;
                case BtfArray t:
                    elements *= t.Count;
                    id = t.ElementType;
                    break;
                case var t:
                    throw new InvalidOperationException($"BTF type id {id} ({t.Kind} '{t.Name}') has no size.");
            }
        }
        throw new InvalidOperationException($"BTF type chain from id {id} is longer than {MaxChain}; it probably loops.");

        uint Total(uint size)
        {
            ulong total = elements * size;
            return total <= uint.MaxValue ? (uint)total : throw new OverflowException($"BTF type size {total} does not fit 32 bits.");
        }
    }

    /// <summary>
    /// Finds member <paramref name="name"/> of the struct or union <paramref name="compositeId"/>, looking inside
    /// anonymous struct and union members as C does, and gives its bit offset from the start of the outer type.
    /// </summary>
    public (BtfMember Member, uint BitOffset)? FindMember(uint compositeId, string name)
    {
        if (this[Resolve(compositeId)] is not BtfComposite composite)
            throw new ArgumentException($"BTF type id {compositeId} is not a struct or union.", nameof(compositeId));
        return FindMember(composite, name, 0, 0);
    }

    private (BtfMember, uint)? FindMember(BtfComposite composite, string name, uint baseOffset, int depth)
    {
        if (depth > MaxChain)
            throw new InvalidOperationException($"Anonymous members of '{composite.Name}' nest deeper than {MaxChain}.");
        foreach (var member in composite.Members)
        {
            if (member.Name == name)
                return (member, baseOffset + member.BitOffset);
            if (member.Name.Length == 0 && Resolve(member.Type) is var innerId and not 0 && this[innerId] is BtfComposite inner
                && FindMember(inner, name, baseOffset + member.BitOffset, depth + 1) is { } found)
                return found;
        }
        return null;
    }

    private const int MaxChain = 64;
}
