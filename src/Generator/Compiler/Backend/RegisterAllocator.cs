using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>
/// Assigns machine registers to virtual registers over their live intervals, greedily in order of start,
/// preferring the register of a move partner so that the move disappears. A value live across a call can
/// only live in R6-R9 (R0-R5 are clobbered). When nothing is free a register is spilled to an 8-byte slot:
/// each of its definitions is stored and each use reloaded through short-lived registers, then allocation
/// starts again.
/// </summary>
internal static class RegisterAllocator
{
    /// <summary>Allocation order: argument registers first, then R0, then the callee-saved ones.</summary>
    private static readonly int[] s_order = { 1, 2, 3, 4, 5, 0, 6, 7, 8, 9 };

    public static int[] Allocate(IrFunction f)
    {
        var spillTemps = new HashSet<int>();
        for (int attempt = 0; ; attempt++)
        {
            var live = Liveness.Compute(f);
            int? spill = TryAllocate(f, live, spillTemps, out var assignment);
            if (spill is null)
                return assignment;
            if (attempt > f.RegisterCount + 64)
                throw new System.InvalidOperationException("register allocation does not converge");
            Spill(f, spill.Value, spillTemps);
        }
    }

    private static int? TryAllocate(IrFunction f, Liveness live, HashSet<int> spillTemps, out int[] assignment)
    {
        assignment = Enumerable.Repeat(-1, f.RegisterCount).ToArray();
        var occupied = new List<(int Start, int End, int Reg)>[11];
        for (int r = 0; r < occupied.Length; r++) occupied[r] = new List<(int, int, int)>();

        foreach (var pos in live.CallPositions)
            for (int r = 0; r <= 5; r++) occupied[r].Add((pos, pos, -1));

        foreach (var pair in f.Fixed)
        {
            assignment[pair.Key] = pair.Value;
            if (live.IsLive(pair.Key))
                occupied[pair.Value].Add((live.Start[pair.Key], live.End[pair.Key], pair.Key));
        }

        var partners = MovePartners(f);
        var uses = Passes.UseCounts.Compute(f);
        var order = Enumerable.Range(0, f.RegisterCount)
            .Where(v => !f.Fixed.ContainsKey(v) && live.IsLive(v))
            .OrderBy(v => live.Start[v]).ThenBy(v => v);
        foreach (int v in order)
        {
            int start = live.Start[v], end = live.End[v];
            int chosen = -1;
            partners.TryGetValue(v, out var hints);
            // A chain of moves and operations ending in a pinned register (the result in R0, an argument in R1):
            // computing the whole chain in that register removes every copy along it.
            // Only a value read once flows down the chain; one read twice (x in x &lt;&lt; 7 | x &gt;&gt; 25) would need a copy anyway.
            if (uses.Uses[v] == 1)
                foreach (int reg in ChainTargets(v, partners, f, 4))
                    if (IsFree(occupied[reg], start, end)) { chosen = reg; break; }

            if (chosen < 0 && hints is not null)
            {
                foreach (int h in hints)
                {
                    int reg = assignment[h];
                    if (reg >= 0 && IsFree(occupied[reg], start, end)) { chosen = reg; break; }
                }
            }

            if (chosen < 0)
                foreach (int reg in s_order)
                    if (IsFree(occupied[reg], start, end)) { chosen = reg; break; }

            if (chosen < 0)
                return ChooseSpill(f, live, assignment, spillTemps, v, start, end);
            assignment[v] = chosen;
            occupied[chosen].Add((start, end, v));
        }

        return null;
    }

    /// <summary>Machine registers of pinned registers reachable from <paramref name="v"/> through move/operation partners, nearest first.</summary>
    private static IEnumerable<int> ChainTargets(int v, Dictionary<int, List<int>> partners, IrFunction f, int depth)
    {
        var seen = new HashSet<int> { v };
        var frontier = new List<int> { v };
        for (int d = 0; d < depth && frontier.Count > 0; d++)
        {
            var next = new List<int>();
            foreach (int x in frontier)
            {
                if (!partners.TryGetValue(x, out var list)) continue;
                foreach (int p in list)
                {
                    if (!seen.Add(p)) continue;
                    if (f.Fixed.TryGetValue(p, out int reg)) yield return reg;
                    else next.Add(p);
                }
            }
            frontier = next;
        }
    }

    /// <summary>Whether [start, end] overlaps nothing already on the register.</summary>
    private static bool IsFree(List<(int Start, int End, int Reg)> ranges, int start, int end)
    {
        foreach (var r in ranges)
        {
            if (r.End < start || r.Start > end) continue;
            return false;
        }
        return true;
    }

    private static int ChooseSpill(IrFunction f, Liveness live, int[] assignment, HashSet<int> spillTemps, int v, int start, int end)
    {
        if (!spillTemps.Contains(v))
            return v;
        // A reload temporary cannot be spilled again: spill the longest other value live across it instead.
        int best = -1;
        for (int other = 0; other < assignment.Length; other++)
        {
            if (assignment[other] < 0 || f.Fixed.ContainsKey(other) || spillTemps.Contains(other)) continue;
            if (live.End[other] < start || live.Start[other] > end) continue;
            if (best < 0 || live.End[other] - live.Start[other] > live.End[best] - live.Start[best]) best = other;
        }
        return best >= 0 ? best : throw new System.InvalidOperationException("too many values live at once");
    }

    private static Dictionary<int, List<int>> MovePartners(IrFunction f)
    {
        var partners = new Dictionary<int, List<int>>();
        void Add(int a, int b)
        {
            if (!partners.TryGetValue(a, out var list)) partners[a] = list = new List<int>();
            list.Add(b);
        }

        foreach (var block in f.Blocks)
            foreach (var inst in block.Insts)
            {
                if (inst.Op == IrOp.Mov && inst.Width == Width.W64 && inst.A.IsReg && inst.Dst >= 0)
                {
                    Add(inst.Dst, inst.A.Reg);
                    Add(inst.A.Reg, inst.Dst);
                }
            }

        // Weaker hints last: dst = a op b is emitted as dst = a; dst op= b, so sharing a's register saves the copy.
        foreach (var block in f.Blocks)
            foreach (var inst in block.Insts)
                if (inst.Dst >= 0 && inst.Op is IrOp.Bin or IrOp.Neg or IrOp.ByteSwap && inst.A.IsReg)
                {
                    Add(inst.Dst, inst.A.Reg);
                    Add(inst.A.Reg, inst.Dst);
                }

        return partners;
    }

    /// <summary>Moves <paramref name="v"/> to a stack slot: a store after each definition, a load before each use.</summary>
    private static void Spill(IrFunction f, int v, HashSet<int> spillTemps)
    {
        int slot = f.NewSlot(8, 8, SlotOrigin.Spill);
        foreach (var block in f.Blocks)
        {
            var result = new List<IrInst>(block.Insts.Count + 4);
            foreach (var inst in block.Insts)
            {
                bool reads = false;
                foreach (var u in inst.Uses()) reads |= u.IsReg && u.Reg == v;
                if (reads)
                {
                    int t = f.NewReg();
                    spillTemps.Add(t);
                    result.Add(new IrInst(IrOp.Load) { Dst = t, Slot = slot, Size = MemSize.B8 });
                    inst.MapUses(o => o.IsReg && o.Reg == v ? Operand.R(t) : o);
                }

                if (inst.Dst == v)
                {
                    int t = f.NewReg();
                    spillTemps.Add(t);
                    inst.Dst = t;
                    result.Add(inst);
                    result.Add(new IrInst(IrOp.Store) { Slot = slot, Size = MemSize.B8, A = Operand.R(t) });
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
