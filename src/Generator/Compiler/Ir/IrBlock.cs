using System.Collections.Generic;

namespace BpfSharp.Generator.Compiler.Ir;

/// <summary>A basic block: straight-line instructions ending with one terminator.</summary>
internal sealed class IrBlock
{
    public IrBlock(int id) => Id = id;

    public int Id { get; }

    public List<IrInst> Insts { get; } = new();

    public IrInst? Terminator => Insts.Count > 0 && Insts[Insts.Count - 1].IsTerminator ? Insts[Insts.Count - 1] : null;

    public IEnumerable<IrBlock> Successors()
    {
        var t = Terminator;
        if (t?.Target is { } a) yield return a;
        if (t?.Else is { } b) yield return b;
    }

    public override string ToString() => "b" + Id;
}
