using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>An rvalue during lowering: where it is and which integer type it has.</summary>
internal readonly record struct Value(Operand Operand, IntType Type)
{
    public static Value Const(long value, IntType type) => new(Operand.C(type.Canonical(value)), type);
}
