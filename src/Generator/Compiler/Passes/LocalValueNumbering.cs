using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Common subexpressions within a block: a pure computation repeated with the same inputs (the address of
/// <c>c[i]</c> in <c>c[i] += x</c>) reuses the first result, as long as neither its inputs nor its result changed.
/// </summary>
internal static class LocalValueNumbering
{
    public static bool Run(IrFunction f)
    {
        bool changed = false;
        foreach (var block in f.Blocks)
        {
            var available = new Dictionary<(IrOp, BinOp, Width, Operand, Operand, int, int, int), int>();
            foreach (var inst in block.Insts)
            {
                if (inst.Dst >= 0 && inst.Op is IrOp.Bin or IrOp.Neg or IrOp.SignExtend or IrOp.ByteSwap or IrOp.StackAddress
                    && !f.Fixed.ContainsKey(inst.Dst))
                {
                    var key = (inst.Op, inst.Bin, inst.Width, inst.A, inst.Op == IrOp.Bin ? inst.B : default, inst.Bits, inst.Slot, inst.Offset);
                    bool readsItself = (inst.A.IsReg && inst.A.Reg == inst.Dst) || (inst.Op == IrOp.Bin && inst.B.IsReg && inst.B.Reg == inst.Dst);
                    if (available.TryGetValue(key, out int earlier) && earlier != inst.Dst)
                    {
                        inst.Op = IrOp.Mov;
                        inst.A = Operand.R(earlier);
                        inst.B = default;
                        inst.Width = Width.W64;
                        Invalidate(available, inst.Dst);
                        changed = true;
                        continue;
                    }
                    Invalidate(available, inst.Dst);
                    if (!readsItself) available[key] = inst.Dst;
                    continue;
                }
                if (inst.Dst >= 0) Invalidate(available, inst.Dst);
            }
        }
        return changed;
    }

    private static void Invalidate(Dictionary<(IrOp, BinOp, Width, Operand, Operand, int, int, int), int> available, int reg)
    {
        var stale = new List<(IrOp, BinOp, Width, Operand, Operand, int, int, int)>();
        foreach (var pair in available)
            if (pair.Value == reg || (pair.Key.Item4.IsReg && pair.Key.Item4.Reg == reg) || (pair.Key.Item5.IsReg && pair.Key.Item5.Reg == reg))
                stale.Add(pair.Key);
        foreach (var k in stale) available.Remove(k);
    }
}
