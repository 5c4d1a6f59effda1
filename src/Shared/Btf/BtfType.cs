namespace BpfSharp.Btf;

/// <summary>
/// One BTF type. Types refer to each other by type id (0 is void), exactly as on the wire, so a model can
/// describe recursive types and be encoded or decoded without a resolution pass. Anonymous types have Name "".
/// </summary>
internal abstract record BtfType(string Name)
{
    public abstract BtfKind Kind { get; }
}

/// <summary>INT: an integer of <paramref name="Size"/> bytes whose value sits in <paramref name="Bits"/> bits from <paramref name="BitOffset"/>.</summary>
internal sealed record BtfInt(string Name, uint Size, BtfIntEncoding Encoding, byte Bits, byte BitOffset = 0) : BtfType(Name)
{
    public override BtfKind Kind => BtfKind.Int;

    /// <summary>A plain integer using all of its bytes, as C compilers describe them.</summary>
    public static BtfInt Of(string name, uint size, BtfIntEncoding encoding = BtfIntEncoding.None)
        => new(name, size, encoding, checked((byte)(size * 8)));
}

/// <summary>FLOAT: a floating point type of <paramref name="Size"/> bytes.</summary>
internal sealed record BtfFloat(string Name, uint Size) : BtfType(Name)
{
    public override BtfKind Kind => BtfKind.Float;
}

/// <summary>PTR to <paramref name="Target"/>.</summary>
internal sealed record BtfPointer(uint Target) : BtfType("")
{
    public override BtfKind Kind => BtfKind.Pointer;
}

/// <summary>ARRAY of <paramref name="Count"/> elements; the index type is an INT (clang uses a 4-byte "__ARRAY_SIZE_TYPE__").</summary>
internal sealed record BtfArray(uint ElementType, uint IndexType, uint Count) : BtfType("")
{
    public override BtfKind Kind => BtfKind.Array;
}

/// <summary>TYPEDEF naming <paramref name="Target"/>.</summary>
internal sealed record BtfTypedef(string Name, uint Target) : BtfType(Name)
{
    public override BtfKind Kind => BtfKind.Typedef;
}

/// <summary>VOLATILE qualifier.</summary>
internal sealed record BtfVolatile(uint Target) : BtfType("")
{
    public override BtfKind Kind => BtfKind.Volatile;
}

/// <summary>CONST qualifier.</summary>
internal sealed record BtfConst(uint Target) : BtfType("")
{
    public override BtfKind Kind => BtfKind.Const;
}

/// <summary>RESTRICT qualifier.</summary>
internal sealed record BtfRestrict(uint Target) : BtfType("")
{
    public override BtfKind Kind => BtfKind.Restrict;
}

/// <summary>FWD: a struct or union declared but not defined here.</summary>
internal sealed record BtfForward(string Name, bool IsUnion = false) : BtfType(Name)
{
    public override BtfKind Kind => BtfKind.Forward;
}

/// <summary>TYPE_TAG: an attribute (btf_type_tag) on the type <paramref name="Target"/>, e.g. "user" or "rcu" on a pointee.</summary>
internal sealed record BtfTypeTag(string Name, uint Target) : BtfType(Name)
{
    public override BtfKind Kind => BtfKind.TypeTag;
}

/// <summary>
/// DECL_TAG: an attribute (btf_decl_tag) on a struct, union, var, func or typedef (<paramref name="ComponentIndex"/> -1)
/// or on one member or parameter of it (its index).
/// </summary>
internal sealed record BtfDeclTag(string Name, uint Target, int ComponentIndex = -1) : BtfType(Name)
{
    public override BtfKind Kind => BtfKind.DeclTag;
}
