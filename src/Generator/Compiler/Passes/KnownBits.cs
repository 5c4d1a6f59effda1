using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// For every register, the bits that can ever be set in it (over all its definitions, to a fixed point), and the
/// masks and truncations that this proves redundant: <c>x &amp; 63</c> when x is 0 or 32, <c>(ushort)</c> of a
/// 16-bit load, a 32-bit move of a value that already fits, a sign extension of a value whose sign bit is clear.
/// </summary>
internal static class KnownBits
{
    public static bool Run(IrFunction f)
    {
        var may = Compute(f);
        bool changed = false;
        foreach (var block in f.Blocks)
            foreach (var inst in block.Insts)
            {
                if (inst.Dst < 0 || f.Fixed.ContainsKey(inst.Dst) || !inst.A.IsReg) continue;
                ulong a = may[inst.A.Reg];
                bool redundant = inst switch
                {
                    { Op: IrOp.Bin, Bin: BinOp.And, B.IsConst: true } => (a & ~Mask(inst.Width, (ulong)inst.B.Value)) == 0,
                    { Op: IrOp.Mov, Width: Width.W32 } => (a >> 32) == 0,
                    // Nothing at or above the sign bit can be set: extending is a copy (an int offset added to a pointer).
                    { Op: IrOp.SignExtend } => (a >> (inst.Bits - 1)) == 0,
                    _ => false,
                };
                if (!redundant) continue;
                inst.Op = IrOp.Mov;
                inst.Width = Width.W64;
                inst.B = default;
                changed = true;
            }
        return changed;
    }

    private static ulong Mask(Width w, ulong v) => w == Width.W32 ? v & 0xffffffffUL : v;

    /// <summary>The may-be-set bits of each register.</summary>
    public static ulong[] Compute(IrFunction f)
    {
        var may = new ulong[f.RegisterCount];
        foreach (var p in f.Params) may[p] = ulong.MaxValue;
        var counts = UseCounts.Compute(f);
        for (int r = 0; r < may.Length; r++)
            if (counts.Defs[r] == 0) may[r] = ulong.MaxValue;

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var block in f.Blocks)
                foreach (var inst in block.Insts)
                {
                    if (inst.Dst < 0) continue;
                    ulong bits = Transfer(inst, may);
                    if ((may[inst.Dst] | bits) != may[inst.Dst])
                    {
                        may[inst.Dst] |= bits;
                        changed = true;
                    }
                }
        }
        return may;
    }

    private static ulong Of(Operand o, ulong[] may) => o.IsConst ? (ulong)o.Value : may[o.Reg];

    /// <summary>Every bit up to and including the highest bit of <paramref name="v"/>.</summary>
    private static ulong Smear(ulong v)
    {
        v |= v >> 1; v |= v >> 2; v |= v >> 4; v |= v >> 8; v |= v >> 16; v |= v >> 32;
        return v;
    }

    private static ulong Transfer(IrInst i, ulong[] may)
    {
        ulong all = i.Width == Width.W32 ? 0xffffffffUL : ulong.MaxValue;
        ulong a = i.Op is IrOp.Mov or IrOp.Bin ? Mask(i.Width, Of(i.A, may)) : 0;
        ulong b = i.Op == IrOp.Bin ? Of(i.B, may) : 0;
        switch (i.Op)
        {
            case IrOp.Mov:
                return a;
            case IrOp.Bin:
                switch (i.Bin)
                {
                    case BinOp.And: return a & Mask(i.Width, b);
                    case BinOp.Or: case BinOp.Xor: return a | Mask(i.Width, b);
                    case BinOp.Add: return a == 0 ? Mask(i.Width, b) : b == 0 ? a : Mask(i.Width, Smear(a | Mask(i.Width, b)) << 1 | 1) & all;
                    case BinOp.Shl when i.B.IsConst: return (a << (int)(b & (i.Width == Width.W32 ? 31UL : 63UL))) & all;
                    case BinOp.LShr when i.B.IsConst: return a >> (int)(b & (i.Width == Width.W32 ? 31UL : 63UL));
                    case BinOp.LShr: case BinOp.UDiv: return Smear(a);
                    case BinOp.UMod: return Smear(a) & (i.B.IsConst && b != 0 ? Smear(Mask(i.Width, b) - 1) : ulong.MaxValue);
                    default: return all;
                }
            case IrOp.Load when !i.Signed:
                return i.Size == MemSize.B8 ? ulong.MaxValue : (1UL << (8 * (int)i.Size)) - 1;
            case IrOp.ByteSwap:
                return i.Bits == 64 ? ulong.MaxValue : (1UL << i.Bits) - 1;
            case IrOp.SignExtend when i.A.IsReg && (may[i.A.Reg] >> (i.Bits - 1)) == 0:
                return may[i.A.Reg];
            default:
                return i.Width == Width.W32 ? 0xffffffffUL : ulong.MaxValue;
        }
    }
}
