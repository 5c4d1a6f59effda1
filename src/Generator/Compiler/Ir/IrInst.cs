using System.Collections.Generic;

namespace BpfSharp.Generator.Compiler.Ir;

/// <summary>
/// One IR instruction in three-address form over virtual registers. One mutable class with optional fields,
/// rather than a hierarchy, so that passes can rewrite operands in place.
/// </summary>
internal sealed class IrInst
{
    public IrInst(IrOp op) => Op = op;

    public IrOp Op { get; set; }

    public Width Width { get; set; } = Width.W64;

    /// <summary>The defined virtual register, or -1.</summary>
    public int Dst { get; set; } = -1;

    public Operand A { get; set; }

    public Operand B { get; set; }

    public BinOp Bin { get; set; }

    public Cond Cond { get; set; }

    /// <summary>SignExtend: the source bit count (8, 16, 32); ByteSwap: the swapped width (16, 32, 64).</summary>
    public int Bits { get; set; }

    /// <summary>Load/Store: the base register; unused when <see cref="Slot"/> is set.</summary>
    public Operand Base { get; set; }

    /// <summary>Load/Store/StackAddress: a stack slot index addressed from the frame pointer, or -1.</summary>
    public int Slot { get; set; } = -1;

    public int Offset { get; set; }

    public MemSize Size { get; set; }

    public bool Signed { get; set; }

    /// <summary>CallHelper: the helper id.</summary>
    public int Imm { get; set; }

    /// <summary>CallLocal: the callee's function name. LoadAddress: the map or data section.</summary>
    public string? Symbol { get; set; }

    /// <summary>LoadAddress: what <see cref="Symbol"/> names (a map or a data section).</summary>
    public RelocationKind Relocation { get; set; }

    /// <summary>Store: an atomic add of A to memory instead of a plain store.</summary>
    public bool Atomic { get; set; }

    public Operand[] Args { get; set; } = System.Array.Empty<Operand>();

    public IrBlock? Target { get; set; }

    public IrBlock? Else { get; set; }

    /// <summary>Line: the statement's position.</summary>
    public SourceLine? Line { get; set; }

    public bool IsTerminator => Op is IrOp.Jump or IrOp.Branch or IrOp.Return;

    public bool IsCall => Op is IrOp.CallHelper or IrOp.CallLocal;

    /// <summary>Whether removing it when its result is unused changes nothing.</summary>
    public bool IsPure => Op is IrOp.Mov or IrOp.Bin or IrOp.Neg or IrOp.SignExtend or IrOp.ByteSwap or IrOp.StackAddress
        || (Op == IrOp.Load && Slot >= 0);

    /// <summary>The operands read, in a fixed order (A, B, Base, Args).</summary>
    public IEnumerable<Operand> Uses()
    {
        switch (Op)
        {
            case IrOp.Mov: case IrOp.Neg: case IrOp.SignExtend: case IrOp.ByteSwap: case IrOp.Return:
                yield return A; break;
            case IrOp.Bin: case IrOp.Branch:
                yield return A; yield return B; break;
            case IrOp.Load:
                if (Slot < 0) yield return Base;
                break;
            case IrOp.Store:
                yield return A;
                if (Slot < 0) yield return Base;
                break;
            case IrOp.CallHelper: case IrOp.CallLocal:
                foreach (var a in Args) yield return a;
                break;
        }
    }

    /// <summary>Rewrites every read operand through <paramref name="map"/>.</summary>
    public void MapUses(System.Func<Operand, Operand> map)
    {
        switch (Op)
        {
            case IrOp.Mov: case IrOp.Neg: case IrOp.SignExtend: case IrOp.ByteSwap: case IrOp.Return:
                A = map(A); break;
            case IrOp.Bin: case IrOp.Branch:
                A = map(A); B = map(B); break;
            case IrOp.Load:
                if (Slot < 0) Base = map(Base);
                break;
            case IrOp.Store:
                A = map(A);
                if (Slot < 0) Base = map(Base);
                break;
            case IrOp.CallHelper: case IrOp.CallLocal:
                for (int i = 0; i < Args.Length; i++) Args[i] = map(Args[i]);
                break;
        }
    }

    public override string ToString() => IrPrinter.Format(this);
}

/// <summary>Where a statement starts: the file, 1-based line and column, and the line's trimmed text.</summary>
internal sealed record SourceLine(string File, int Line, int Column, string Text);
