using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>
/// Rewrites IR into forms that map to single eBPF instructions: immediates must fit the 32-bit imm field
/// (sign-extended for 64-bit operations), and a compare needs a register on its left.
/// </summary>
internal static class Legalizer
{
    public static void Apply(IrFunction f)
    {
        foreach (var block in f.Blocks)
        {
            var result = new List<IrInst>(block.Insts.Count);
            foreach (var inst in block.Insts)
            {
                switch (inst.Op)
                {
                    case IrOp.Bin when inst.Width == Width.W64 && inst.B.IsConst && !FitsImm(inst.B.Value):
                        inst.B = Materialize(f, result, inst.B);
                        break;
                    case IrOp.Branch:
                        if (inst.A.IsConst && inst.B.IsReg)
                        {
                            (inst.A, inst.B) = (inst.B, inst.A);
                            inst.Cond = Swap(inst.Cond);
                        }
                        if (inst.A.IsConst)
                            inst.A = Materialize(f, result, inst.A);
                        if (inst.Width == Width.W64 && inst.B.IsConst && !FitsImm(inst.B.Value))
                            inst.B = Materialize(f, result, inst.B);
                        break;
                    case IrOp.Store when inst.A.IsConst && inst.Atomic:
                    case IrOp.Store when inst.A.IsConst && inst.Size == MemSize.B8 && !FitsImm(inst.A.Value):
                        inst.A = Materialize(f, result, inst.A);
                        break;
                }

                if (inst.Op is IrOp.Load or IrOp.Store && inst.Slot < 0 && inst.Base.IsConst)
                    inst.Base = Materialize(f, result, inst.Base);
                result.Add(inst);
            }

            block.Insts.Clear();
            block.Insts.AddRange(result);
        }
    }

    public static bool FitsImm(long value) => value >= int.MinValue && value <= int.MaxValue;

    private static Operand Materialize(IrFunction f, List<IrInst> into, Operand constant)
    {
        int r = f.NewReg();
        into.Add(new IrInst(IrOp.Mov) { Dst = r, A = constant, Width = Width.W64 });
        return Operand.R(r);
    }

    /// <summary>The condition that holds for (b, a) exactly when <paramref name="c"/> holds for (a, b).</summary>
    public static Cond Swap(Cond c) => c switch
    {
        Cond.ULt => Cond.UGt, Cond.ULe => Cond.UGe, Cond.UGt => Cond.ULt, Cond.UGe => Cond.ULe,
        Cond.SLt => Cond.SGt, Cond.SLe => Cond.SGe, Cond.SGt => Cond.SLt, Cond.SGe => Cond.SLe,
        _ => c,
    };

    public static Cond Negate(Cond c) => c switch
    {
        Cond.Eq => Cond.Ne, Cond.Ne => Cond.Eq,
        Cond.ULt => Cond.UGe, Cond.UGe => Cond.ULt, Cond.ULe => Cond.UGt, Cond.UGt => Cond.ULe,
        Cond.SLt => Cond.SGe, Cond.SGe => Cond.SLt, Cond.SLe => Cond.SGt, Cond.SGt => Cond.SLe,
        _ => throw new System.InvalidOperationException($"{c} has no single-instruction negation"),
    };
}
