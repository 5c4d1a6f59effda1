using System.Collections.Generic;

namespace BpfSharp.Btf;

/// <summary>One enumerator. ENUM stores 32 bits of it, ENUM64 all 64 (unsigned values above long.MaxValue wrap).</summary>
internal sealed record BtfEnumValue(string Name, long Value);

/// <summary>ENUM: values of at most 32 bits; kind_flag marks a signed enum.</summary>
internal sealed record BtfEnum(string Name, uint Size, bool Signed, IReadOnlyList<BtfEnumValue> Values) : BtfType(Name)
{
    public override BtfKind Kind => BtfKind.Enum;
}

/// <summary>ENUM64: values of up to 64 bits; kind_flag marks a signed enum.</summary>
internal sealed record BtfEnum64(string Name, uint Size, bool Signed, IReadOnlyList<BtfEnumValue> Values) : BtfType(Name)
{
    public override BtfKind Kind => BtfKind.Enum64;
}
