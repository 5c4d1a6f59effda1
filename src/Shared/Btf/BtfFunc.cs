using System.Collections.Generic;

namespace BpfSharp.Btf;

/// <summary>A FUNC_PROTO parameter. A variadic prototype ends with a parameter named "" of type 0.</summary>
internal sealed record BtfParam(string Name, uint Type);

/// <summary>FUNC_PROTO: the signature; parameter names are kept so the verifier can print them.</summary>
internal sealed record BtfFuncProto(uint ReturnType, IReadOnlyList<BtfParam> Params) : BtfType("")
{
    public override BtfKind Kind => BtfKind.FuncProto;
}

/// <summary>FUNC: a named function whose type is a FUNC_PROTO; the kernel checks BPF subprograms against these.</summary>
internal sealed record BtfFunc(string Name, uint Proto, BtfFuncLinkage Linkage) : BtfType(Name)
{
    public override BtfKind Kind => BtfKind.Func;
}
