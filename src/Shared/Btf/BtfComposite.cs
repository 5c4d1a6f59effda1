using System.Collections.Generic;

namespace BpfSharp.Btf;

/// <summary>
/// A member of a struct or union. <paramref name="BitfieldSize"/> is non-zero for a bitfield; a struct with any
/// bitfield is encoded with kind_flag set, which packs the size into the top byte of the member's offset word.
/// </summary>
internal sealed record BtfMember(string Name, uint Type, uint BitOffset, byte BitfieldSize = 0);

/// <summary>STRUCT or UNION of <see cref="Size"/> bytes.</summary>
internal abstract record BtfComposite(string Name, uint Size, IReadOnlyList<BtfMember> Members) : BtfType(Name)
{
    /// <summary>Whether the encoding needs kind_flag: member offsets then carry bitfield sizes.</summary>
    public bool HasBitfields
    {
        get
        {
            foreach (var member in Members)
                if (member.BitfieldSize != 0)
                    return true;
            return false;
        }
    }

    /// <summary>The first member called <paramref name="name"/>, or null.</summary>
    public BtfMember? FindMember(string name)
    {
        foreach (var member in Members)
            if (member.Name == name)
                return member;
        return null;
    }
}

internal sealed record BtfStruct(string Name, uint Size, IReadOnlyList<BtfMember> Members) : BtfComposite(Name, Size, Members)
{
    public override BtfKind Kind => BtfKind.Struct;
}

internal sealed record BtfUnion(string Name, uint Size, IReadOnlyList<BtfMember> Members) : BtfComposite(Name, Size, Members)
{
    public override BtfKind Kind => BtfKind.Union;
}
