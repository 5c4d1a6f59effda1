using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>How many times each virtual register is read and written in a function.</summary>
internal sealed class UseCounts
{
    private UseCounts(int n)
    {
        Uses = new int[n];
        Defs = new int[n];
        Definition = new IrInst?[n];
    }

    public int[] Uses { get; }

    public int[] Defs { get; }

    /// <summary>The only definition of a register defined once.</summary>
    public IrInst?[] Definition { get; }

    public static UseCounts Compute(IrFunction f)
    {
        var c = new UseCounts(f.RegisterCount);
        foreach (var block in f.Blocks)
            foreach (var inst in block.Insts)
            {
                foreach (var u in inst.Uses())
                    if (u.IsReg) c.Uses[u.Reg]++;
                if (inst.Dst >= 0)
                {
                    c.Defs[inst.Dst]++;
                    c.Definition[inst.Dst] = inst;
                }
            }
        foreach (var p in f.Params) c.Defs[p]++;
        return c;
    }
}
