using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Registers written exactly once, outside any loop, and not pinned to a machine register: wherever they are
/// read after that write they hold the same value, so a computation from them can be moved to any later point.
/// </summary>
internal sealed class StableRegisters
{
    private readonly UseCounts _counts;
    private readonly HashSet<IrInst> _inLoops = new();
    private readonly IrFunction _f;

    public StableRegisters(IrFunction f, UseCounts counts)
    {
        _f = f;
        _counts = counts;
        foreach (var block in Cycles.BlocksInCycles(f))
            foreach (var inst in block.Insts)
                _inLoops.Add(inst);
    }

    public bool IsStable(int reg) =>
        reg >= 0 && !_f.Fixed.ContainsKey(reg) && _counts.Defs[reg] == 1 && _counts.Definition[reg] is { } def && !_inLoops.Contains(def);

    /// <summary>The single definition of a stable register, or null.</summary>
    public IrInst? DefinitionOf(Operand o) => o.IsReg && IsStable(o.Reg) ? _counts.Definition[o.Reg] : null;
}
