using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// <c>t = x op y; x = t</c> (how every assignment to a variable arrives) becomes <c>x = x op y</c>, so a loop
/// variable updates in place instead of through a copy each iteration. t must be defined once and used only in
/// this block; its other uses are renamed to x where x still holds the same value.
/// </summary>
internal static class CopyCoalescing
{
    public static bool Run(IrFunction f)
    {
        var counts = UseCounts.Compute(f);
        var usesInBlock = new int[f.RegisterCount];
        bool changed = false;
        foreach (var block in f.Blocks)
        {
            var insts = block.Insts;
            System.Array.Clear(usesInBlock, 0, usesInBlock.Length);
            foreach (var inst in insts)
                foreach (var u in inst.Uses())
                    if (u.IsReg) usesInBlock[u.Reg]++;

            for (int j = 0; j < insts.Count; j++)
            {
                var move = insts[j];
                if (move is not { Op: IrOp.Mov, Width: Width.W64, A.IsReg: true } || move.A.Reg == move.Dst) continue;
                int dst = move.Dst, src = move.A.Reg;
                if (f.Fixed.ContainsKey(dst) || f.Fixed.ContainsKey(src) || counts.Defs[src] != 1 || counts.Uses[src] != usesInBlock[src]) continue;
                int i = j - 1;
                for (; i >= 0 && insts[i].Dst != src; i--)
                    if (insts[i].Dst == dst || Reads(insts[i], dst)) break;
                if (i < 0 || insts[i].Dst != src) continue;

                // After the move, t's uses read x instead; x must not be rewritten before the last of them.
                int last = j;
                for (int k = j + 1; k < insts.Count; k++)
                    if (Reads(insts[k], src)) last = k;
                bool clobbered = false;
                for (int k = j + 1; k < last && !clobbered; k++)
                    clobbered = insts[k].Dst == dst;
                if (clobbered || (last > j && insts[last].Dst == dst && !Reads(insts[last], src))) continue;

                insts[i].Dst = dst;
                for (int k = i + 1; k <= last; k++)
                    insts[k].MapUses(o => o.IsReg && o.Reg == src ? Operand.R(dst) : o);
                insts.RemoveAt(j--);
                changed = true;
            }
        }
        return changed;
    }

    private static bool Reads(IrInst inst, int reg)
    {
        foreach (var u in inst.Uses())
            if (u.IsReg && u.Reg == reg) return true;
        return false;
    }
}
