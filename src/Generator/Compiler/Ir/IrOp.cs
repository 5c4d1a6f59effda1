namespace BpfSharp.Generator.Compiler.Ir;

internal enum IrOp : byte
{
    /// <summary>Dst = A, at Width (a 32-bit move zero-extends).</summary>
    Mov,
    /// <summary>Dst = A (Bin) B, at Width.</summary>
    Bin,
    /// <summary>Dst = -A, at Width.</summary>
    Neg,
    /// <summary>Dst = A sign-extended from its low Bits to Width.</summary>
    SignExtend,
    /// <summary>Dst = the low Bits (16, 32, 64) of A with their bytes reversed, zero-extended (eBPF's be16/be32/be64).</summary>
    ByteSwap,
    /// <summary>Dst = *(Size *)(Base + Offset), zero- or sign-extended (Signed) to 64 bits.</summary>
    Load,
    /// <summary>*(Size *)(Base + Offset) = A.</summary>
    Store,
    /// <summary>Dst = frame pointer + the slot's offset + Offset.</summary>
    StackAddress,
    /// <summary>Dst = helper Imm(Args...).</summary>
    CallHelper,
    /// <summary>Dst = the function Symbol(Args...).</summary>
    CallLocal,
    /// <summary>A statement starts here (no code).</summary>
    Line,
    /// <summary>Terminator: go to Target.</summary>
    Jump,
    /// <summary>Terminator: if (A Cond B) at Width go to Target else to Else.</summary>
    Branch,
    /// <summary>Terminator: return A.</summary>
    Return,
    /// <summary>Dst = the address of Symbol + Imm (LD_IMM64 that the loader relocates: a map, or a global in a data section).</summary>
    LoadAddress,
}

internal enum BinOp : byte { Add, Sub, Mul, UDiv, SDiv, UMod, SMod, Or, And, Xor, Shl, LShr, AShr }

internal enum Cond : byte { Eq, Ne, ULt, ULe, UGt, UGe, SLt, SLe, SGt, SGe, /// <summary>(A &amp; B) != 0</summary>
    Set }

/// <summary>The operating width of an ALU op, compare or move: 32-bit ops zero the upper half of the result.</summary>
internal enum Width : byte { W32, W64 }

/// <summary>Memory access size in bytes.</summary>
internal enum MemSize : byte { B1 = 1, B2 = 2, B4 = 4, B8 = 8 }
