using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>
/// cpu v3 has only unsigned division: a / b becomes |a| / |b| with the sign of a ^ b, and a % b becomes
/// |a| % |b| with the sign of a (C#'s truncating semantics). Division by zero still gives 0 and x % 0 still x,
/// as the unsigned instructions do.
/// </summary>
internal static class SignedDivision
{
    public static void Apply(IrFunction f)
    {
        foreach (var block in f.Blocks)
        {
            var result = new List<IrInst>(block.Insts.Count);
            foreach (var inst in block.Insts)
            {
                if (inst is not { Op: IrOp.Bin, Bin: BinOp.SDiv or BinOp.SMod })
                {
                    result.Add(inst);
                    continue;
                }

                var w = inst.Width;
                int topBit = w == Width.W64 ? 63 : 31;
                Operand Emit(BinOp op, Operand a, Operand b)
                {
                    int r = f.NewReg();
                    result.Add(new IrInst(IrOp.Bin) { Dst = r, Bin = op, A = a, B = b, Width = w });
                    return Operand.R(r);
                }
                Operand SignOf(Operand x) => x.IsConst ? Operand.C((w == Width.W64 ? x.Value < 0 : (int)x.Value < 0) ? (w == Width.W64 ? -1 : 0xffffffffL) : 0)
                    : Emit(BinOp.AShr, x, Operand.C(topBit));
                Operand Abs(Operand x, Operand sign) => x.IsConst
                    ? Operand.C(w == Width.W64 ? unchecked(x.Value < 0 ? -x.Value : x.Value) : unchecked((uint)((int)x.Value < 0 ? -(int)x.Value : (int)x.Value)))
                    : Emit(BinOp.Sub, Emit(BinOp.Xor, x, sign), sign);

                var signA = SignOf(inst.A);
                var signB = SignOf(inst.B);
                var quotient = Emit(inst.Bin == BinOp.SDiv ? BinOp.UDiv : BinOp.UMod, Abs(inst.A, signA), Abs(inst.B, signB));
                var sign = inst.Bin == BinOp.SDiv ? (signB.IsConst && signB.Value == 0 ? signA : Emit(BinOp.Xor, signA, signB)) : signA;
                // (q ^ s) - s negates q when s is all ones.
                inst.Bin = BinOp.Sub;
                inst.A = sign.IsConst && sign.Value == 0 ? quotient : Emit(BinOp.Xor, quotient, sign);
                inst.B = sign;
                result.Add(inst);
            }
            block.Insts.Clear();
            block.Insts.AddRange(result);
        }
    }
}
