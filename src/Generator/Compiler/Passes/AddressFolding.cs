using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Folds constant displacements into their users, as clang does: a load or store through <c>p = q + c</c>
/// becomes one through q at offset + c (through the frame pointer when p is a stack address), and
/// <c>(q + c1) + c2</c> becomes <c>q + (c1 + c2)</c>. Packet pointers keep the verifier's tracking this way:
/// every register derived from the same pointer by constants shares its checked range.
/// </summary>
internal static class AddressFolding
{
    public static bool Run(IrFunction f)
    {
        var stable = new StableRegisters(f, UseCounts.Compute(f));
        bool changed = false;
        foreach (var block in f.Blocks)
            foreach (var inst in block.Insts)
            {
                if (inst.Op is IrOp.Load or IrOp.Store && inst.Slot < 0 && stable.DefinitionOf(inst.Base) is { } def)
                {
                    if (def is { Op: IrOp.StackAddress } && Fits(inst.Offset + (long)def.Offset))
                    {
                        inst.Slot = def.Slot;
                        inst.Offset += def.Offset;
                        inst.Base = default;
                        changed = true;
                    }
                    else if (IsAddConstant(def, out var q, out long c) && Fits(inst.Offset + c) && (q.IsConst || stable.IsStable(q.Reg)))
                    {
                        inst.Base = q;
                        inst.Offset += (int)c;
                        changed = true;
                    }
                }
                else if (inst is { Op: IrOp.Bin, Bin: BinOp.Add, Width: Width.W64, B.IsConst: true } && stable.DefinitionOf(inst.A) is { } inner
                    && IsAddConstant(inner, out var q, out long c1) && q.IsReg && stable.IsStable(q.Reg) && Fits32(c1 + inst.B.Value))
                {
                    inst.A = q;
                    inst.B = Operand.C(c1 + inst.B.Value);
                    changed = true;
                }
            }
        return changed;
    }

    private static bool IsAddConstant(IrInst def, out Operand q, out long c)
    {
        q = def.A;
        c = def.B.Value;
        return def is { Op: IrOp.Bin, Bin: BinOp.Add, Width: Width.W64, B.IsConst: true } && def.A.IsReg;
    }

    private static bool Fits(long offset) => offset >= short.MinValue && offset <= short.MaxValue;

    private static bool Fits32(long value) => value >= int.MinValue && value <= int.MaxValue;
}
