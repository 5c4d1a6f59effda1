using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>
/// Makes the eBPF calling convention explicit before register allocation: call arguments are moved into
/// virtual registers pinned to R1-R5, results come out of one pinned to R0, and a returned value goes to R0.
/// The allocator then tries to place the moved values in those registers already, so most moves vanish.
/// </summary>
internal static class CallingConvention
{
    public static void Apply(IrFunction f)
    {
        foreach (var block in f.Blocks)
        {
            var result = new List<IrInst>(block.Insts.Count + 4);
            foreach (var inst in block.Insts)
            {
                if (inst.IsCall)
                {
                    var args = new Operand[inst.Args.Length];
                    for (int i = 0; i < args.Length; i++)
                    {
                        int pinned = f.NewFixedReg(1 + i);
                        result.Add(new IrInst(IrOp.Mov) { Dst = pinned, A = inst.Args[i], Width = Width.W64 });
                        args[i] = Operand.R(pinned);
                    }

                    inst.Args = args;
                    int dst = inst.Dst;
                    inst.Dst = f.NewFixedReg(0);
                    result.Add(inst);
                    if (dst >= 0)
                        result.Add(new IrInst(IrOp.Mov) { Dst = dst, A = Operand.R(inst.Dst), Width = Width.W64 });
                }
                else if (inst.Op == IrOp.Return)
                {
                    int r0 = f.NewFixedReg(0);
                    result.Add(new IrInst(IrOp.Mov) { Dst = r0, A = inst.A, Width = inst.A.IsConst && inst.A.Value == (uint)inst.A.Value ? Width.W32 : Width.W64 });
                    inst.A = Operand.R(r0);
                    result.Add(inst);
                }
                else
                {
                    result.Add(inst);
                }
            }

            block.Insts.Clear();
            block.Insts.AddRange(result);
        }
    }
}
