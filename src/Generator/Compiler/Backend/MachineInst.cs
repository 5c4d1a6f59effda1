using BpfSharp.Asm;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Backend;

internal enum MachineKind : byte
{
    /// <summary>An instruction (two slots when <see cref="MachineInst.Second"/> is set).</summary>
    Code,
    /// <summary>No code: the start of block <see cref="MachineInst.Block"/>.</summary>
    Label,
    /// <summary>No code: a statement starts at the next instruction.</summary>
    Line,
}

/// <summary>
/// An instruction after selection, before jump offsets are known: a jump names its target block,
/// and a call to a subprogram carries its relocation.
/// </summary>
internal sealed class MachineInst
{
    public MachineKind Kind { get; set; }

    public Instruction Insn { get; set; }

    public Instruction? Second { get; set; }

    /// <summary>Code: the block a jump goes to; Label: the block that starts here. -1 otherwise.</summary>
    public int Block { get; set; } = -1;

    /// <summary>The symbol of the relocation this instruction needs (a callee, a map, a data section), or null.</summary>
    public string? CallSymbol { get; set; }

    public RelocationKind Relocation { get; set; } = RelocationKind.Call;

    public SourceLine? Line { get; set; }

    public int Slots => Kind == MachineKind.Code ? (Second is null ? 1 : 2) : 0;

    public static MachineInst Of(Instruction insn) => new() { Insn = insn };

    public static MachineInst JumpTo(Instruction insn, int block) => new() { Insn = insn, Block = block };

    public override string ToString() => Kind switch
    {
        MachineKind.Label => $"b{Block}:",
        MachineKind.Line => $"; {Line?.Text}",
        _ => Disassembler.Format(Insn, Second, notation: DisassemblyNotation.Verifier) + (Block >= 0 ? $" -> b{Block}" : ""),
    };
}
