using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Constant propagation and folding: a register known to hold a constant (defined once by a constant, or
/// assigned a constant earlier in the same block) is replaced by it, and instructions whose inputs are all
/// constant become moves of their result.
/// </summary>
internal static class ConstantFolding
{
    public static bool Run(IrFunction f)
    {
        bool changed = false;
        var counts = UseCounts.Compute(f);
        var global = new Dictionary<int, long>();
        for (int r = 0; r < f.RegisterCount; r++)
            if (counts.Defs[r] == 1 && !f.Fixed.ContainsKey(r) && counts.Definition[r] is { Op: IrOp.Mov, A.IsConst: true } def)
                global[r] = Evaluator.Move(def.Width, def.A.Value);

        foreach (var block in f.Blocks)
        {
            var local = new Dictionary<int, long>();
            foreach (var inst in block.Insts)
            {
                inst.MapUses(o =>
                {
                    if (o.IsReg && (local.TryGetValue(o.Reg, out long v) || global.TryGetValue(o.Reg, out v)))
                    {
                        changed = true;
                        return Operand.C(v);
                    }
                    return o;
                });

                if (inst.Dst < 0) continue;
                local.Remove(inst.Dst);
                if (Evaluator.Fold(inst) is { } value && !f.Fixed.ContainsKey(inst.Dst))
                {
                    if (inst.Op != IrOp.Mov || inst.Width != Width.W64 || inst.A.Value != value)
                    {
                        inst.Op = IrOp.Mov;
                        inst.Width = Width.W64;
                        inst.A = Operand.C(value);
                        changed = true;
                    }
                    local[inst.Dst] = value;
                }
                else if (inst.Op == IrOp.Bin && Simplify(inst))
                {
                    changed = true;
                }
            }
        }
        return changed;
    }

    /// <summary>Algebraic identities with one constant: x+0, x*1, x|0, x&amp;-1 become moves; x*0, x&amp;0 become 0.</summary>
    private static bool Simplify(IrInst i)
    {
        // Constants go right in commutative operations, where the identities below and the imm field see them.
        if (i.A.IsConst && i.B.IsReg && i.Bin is BinOp.Add or BinOp.Mul or BinOp.And or BinOp.Or or BinOp.Xor)
        {
            (i.A, i.B) = (i.B, i.A);
            Simplify(i);
            return true;
        }
        if (!i.B.IsConst) return false;
        long b = i.Width == Width.W32 ? (uint)i.B.Value : i.B.Value;
        long allOnes = i.Width == Width.W32 ? 0xffffffffL : -1L;
        bool identity = i.Bin switch
        {
            BinOp.Add or BinOp.Sub or BinOp.Or or BinOp.Xor or BinOp.Shl or BinOp.LShr or BinOp.AShr => b == 0,
            BinOp.Mul or BinOp.UDiv or BinOp.SDiv => b == 1,
            BinOp.And => b == allOnes,
            _ => false,
        };
        if (identity)
        {
            i.Op = IrOp.Mov;
            return true;
        }

        // Strength reduction: multiplying or dividing unsigned by 2^k is a shift, the remainder a mask.
        if (i.Bin is BinOp.Mul or BinOp.UDiv or BinOp.UMod && b > 1 && (b & (b - 1)) == 0)
        {
            int k = 0;
            while ((1L << k) != b) k++;
            i.B = Operand.C(i.Bin == BinOp.UMod ? b - 1 : k);
            i.Bin = i.Bin switch { BinOp.Mul => BinOp.Shl, BinOp.UDiv => BinOp.LShr, _ => BinOp.And };
            return true;
        }

        if ((i.Bin is BinOp.Mul or BinOp.And && b == 0) || (i.Bin is BinOp.UMod or BinOp.SMod && b == 1))
        {
            i.Op = IrOp.Mov;
            i.A = Operand.C(0);
            i.Width = Width.W64;
            return true;
        }
        return false;
    }
}
