using System;

namespace BpfSharp.Btf;

/// <summary>The kind field of <c>btf_type.info</c> (bits 24-28), as numbered in linux/btf.h.</summary>
internal enum BtfKind : byte
{
    Unknown = 0,
    Int = 1,
    Pointer = 2,
    Array = 3,
    Struct = 4,
    Union = 5,
    Enum = 6,
    Forward = 7,
    Typedef = 8,
    Volatile = 9,
    Const = 10,
    Restrict = 11,
    Func = 12,
    FuncProto = 13,
    Var = 14,
    DataSec = 15,
    Float = 16,
    DeclTag = 17,
    TypeTag = 18,
    Enum64 = 19,
}

/// <summary>BTF_INT_ENCODING bits of an INT type.</summary>
[Flags]
internal enum BtfIntEncoding : byte
{
    None = 0,
    Signed = 1 << 0,
    Char = 1 << 1,
    Bool = 1 << 2,
}

/// <summary>Linkage of a FUNC, carried in its vlen field.</summary>
internal enum BtfFuncLinkage : ushort
{
    Static = 0,
    Global = 1,
    Extern = 2,
}

/// <summary>Linkage of a VAR, carried in the <c>btf_var</c> word after it.</summary>
internal enum BtfVarLinkage : uint
{
    Static = 0,
    GlobalAllocated = 1,
    GlobalExtern = 2,
}
