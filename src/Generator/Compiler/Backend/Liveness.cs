using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>
/// Numbers instructions in layout order and computes, for each virtual register, one conservative live
/// interval [start, end]. Instruction k reads at position 2k and writes at 2k+1; incoming arguments are
/// written at -1.
/// </summary>
internal sealed class Liveness
{
    private Liveness(int registerCount)
    {
        Start = new int[registerCount];
        End = new int[registerCount];
        for (int i = 0; i < registerCount; i++)
        {
            Start[i] = int.MaxValue;
            End[i] = int.MinValue;
        }
    }

    public int[] Start { get; }

    public int[] End { get; }

    /// <summary>Positions (2k+1) of the call instructions, where R0-R5 are clobbered.</summary>
    public List<int> CallPositions { get; } = new();

    public bool IsLive(int reg) => Start[reg] <= End[reg];

    public static Liveness Compute(IrFunction f)
    {
        var result = new Liveness(f.RegisterCount);
        int n = f.Blocks.Count;
        var index = new Dictionary<IrBlock, int>();
        for (int b = 0; b < n; b++) index[f.Blocks[b]] = b;

        var use = new HashSet<int>[n];
        var def = new HashSet<int>[n];
        var liveIn = new HashSet<int>[n];
        var liveOut = new HashSet<int>[n];
        for (int b = 0; b < n; b++)
        {
            use[b] = new HashSet<int>();
            def[b] = new HashSet<int>();
            liveIn[b] = new HashSet<int>();
            liveOut[b] = new HashSet<int>();
            foreach (var inst in f.Blocks[b].Insts)
            {
                foreach (var u in inst.Uses())
                    if (u.IsReg && !def[b].Contains(u.Reg)) use[b].Add(u.Reg);
                if (inst.Dst >= 0) def[b].Add(inst.Dst);
            }
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int b = n - 1; b >= 0; b--)
            {
                foreach (var s in f.Blocks[b].Successors())
                    foreach (var r in liveIn[index[s]])
                        changed |= liveOut[b].Add(r);
                foreach (var r in liveOut[b])
                    if (!def[b].Contains(r)) changed |= liveIn[b].Add(r);
                foreach (var r in use[b])
                    changed |= liveIn[b].Add(r);
            }
        }

        foreach (var p in f.Params)
            result.Extend(p, -1);

        int k = 0;
        for (int b = 0; b < n; b++)
        {
            int first = k;
            foreach (var inst in f.Blocks[b].Insts)
            {
                // A binary op's right operand is read as the result is written: isel computes dst = a then dst op= b,
                // so b must not share dst's register.
                int lateUse = inst.Op == IrOp.Bin && inst.B.IsReg ? inst.B.Reg : -1;
                foreach (var u in inst.Uses())
                    if (u.IsReg) result.Extend(u.Reg, u.Reg == lateUse ? 2 * k + 1 : 2 * k);
                if (inst.Dst >= 0) result.Extend(inst.Dst, 2 * k + 1);
                if (inst.IsCall) result.CallPositions.Add(2 * k + 1);
                k++;
            }

            int last = k - 1;
            foreach (var r in liveIn[b]) result.Extend(r, 2 * first);
            foreach (var r in liveOut[b]) result.Extend(r, 2 * last + 1);
        }

        return result;
    }

    private void Extend(int reg, int position)
    {
        if (position < Start[reg]) Start[reg] = position;
        if (position > End[reg]) End[reg] = position;
    }
}
