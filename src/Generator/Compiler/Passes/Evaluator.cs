using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Passes;

/// <summary>
/// Computes what an instruction leaves in a register, exactly as the eBPF machine does (32-bit results
/// zero-extended, x/0 = 0, x%0 = x, shift counts masked), so folding never changes a program's meaning.
/// </summary>
internal static class Evaluator
{
    public static long Binary(BinOp op, Width width, long a, long b)
    {
        if (width == Width.W64)
        {
            ulong ua = (ulong)a, ub = (ulong)b;
            return op switch
            {
                BinOp.Add => unchecked(a + b), BinOp.Sub => unchecked(a - b), BinOp.Mul => unchecked(a * b),
                BinOp.UDiv => ub == 0 ? 0 : (long)(ua / ub),
                BinOp.UMod => ub == 0 ? a : (long)(ua % ub),
                BinOp.SDiv => b == 0 ? 0 : b == -1 ? unchecked(-a) : a / b,
                BinOp.SMod => b == 0 ? a : b == -1 ? 0 : a % b,
                BinOp.Or => a | b, BinOp.And => a & b, BinOp.Xor => a ^ b,
                BinOp.Shl => a << (int)(b & 63), BinOp.LShr => (long)(ua >> (int)(b & 63)), _ => a >> (int)(b & 63),
            };
        }

        uint x = (uint)a, y = (uint)b;
        uint r = op switch
        {
            BinOp.Add => unchecked(x + y), BinOp.Sub => unchecked(x - y), BinOp.Mul => unchecked(x * y),
            BinOp.UDiv => y == 0 ? 0 : x / y,
            BinOp.UMod => y == 0 ? x : x % y,
            BinOp.SDiv => y == 0 ? 0 : (int)y == -1 ? unchecked((uint)-(int)x) : (uint)((int)x / (int)y),
            BinOp.SMod => y == 0 ? x : (int)y == -1 ? 0 : (uint)((int)x % (int)y),
            BinOp.Or => x | y, BinOp.And => x & y, BinOp.Xor => x ^ y,
            BinOp.Shl => x << (int)(y & 31), BinOp.LShr => x >> (int)(y & 31), _ => (uint)((int)x >> (int)(y & 31)),
        };
        return r;
    }

    public static long Move(Width width, long a) => width == Width.W64 ? a : (uint)a;

    public static long Negate(Width width, long a) => width == Width.W64 ? unchecked(-a) : (uint)unchecked(-(int)a);

    public static long SignExtend(Width width, int bits, long a)
    {
        long v = bits switch { 8 => (sbyte)a, 16 => (short)a, _ => (int)a };
        return Move(width, v);
    }

    public static long ByteSwap(int bits, long a)
    {
        ulong v = (ulong)a, r = 0;
        for (int k = 0; k < bits / 8; k++, v >>= 8) r = (r << 8) | (v & 0xff);
        return (long)r;
    }

    public static bool Compare(Cond cond, Width width, long a, long b)
    {
        if (width == Width.W32)
        {
            a = cond is Cond.SLt or Cond.SLe or Cond.SGt or Cond.SGe ? (int)a : (uint)a;
            b = cond is Cond.SLt or Cond.SLe or Cond.SGt or Cond.SGe ? (int)b : (uint)b;
        }
        ulong ua = (ulong)a, ub = (ulong)b;
        return cond switch
        {
            Cond.Eq => a == b, Cond.Ne => a != b,
            Cond.ULt => ua < ub, Cond.ULe => ua <= ub, Cond.UGt => ua > ub, Cond.UGe => ua >= ub,
            Cond.SLt => a < b, Cond.SLe => a <= b, Cond.SGt => a > b, Cond.SGe => a >= b,
            _ => (a & b) != 0,
        };
    }

    /// <summary>The constant an instruction defines when all its inputs are constants; null otherwise.</summary>
    public static long? Fold(IrInst i) => i.Op switch
    {
        IrOp.Mov when i.A.IsConst => Move(i.Width, i.A.Value),
        IrOp.Bin when i.A.IsConst && i.B.IsConst => Binary(i.Bin, i.Width, i.A.Value, i.B.Value),
        IrOp.Neg when i.A.IsConst => Negate(i.Width, i.A.Value),
        IrOp.SignExtend when i.A.IsConst => SignExtend(i.Width, i.Bits, i.A.Value),
        IrOp.ByteSwap when i.A.IsConst => ByteSwap(i.Bits, i.A.Value),
        _ => null,
    };
}
