using System.Collections.Generic;
using BpfSharp.Asm;
using BpfSharp.Generator.Compiler.Ir;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>
/// Maps each IR instruction, with registers assigned, to eBPF instructions. 32-bit operations use the
/// w-registers (ALU32/JMP32) so the upper half stays zero without extra work. A block's fall-through to the
/// next block in layout needs no jump.
/// </summary>
internal sealed class InstructionSelector
{
    private readonly IrFunction _f;
    private readonly int[] _reg;
    private readonly List<MachineInst> _out = new();

    private InstructionSelector(IrFunction f, int[] assignment)
    {
        _f = f;
        _reg = assignment;
    }

    public static List<MachineInst> Select(IrFunction f, int[] assignment)
    {
        var s = new InstructionSelector(f, assignment);
        for (int b = 0; b < f.Blocks.Count; b++)
        {
            var block = f.Blocks[b];
            var next = b + 1 < f.Blocks.Count ? f.Blocks[b + 1] : null;
            s._out.Add(new MachineInst { Kind = MachineKind.Label, Block = block.Id });
            foreach (var inst in block.Insts)
                s.Select(inst, next);
        }
        return s._out;
    }

    private Register R(Operand o) => (Register)_reg[o.Reg];

    private Register R(int v) => (Register)_reg[v];

    private void Add(Instruction insn) => _out.Add(MachineInst.Of(insn));

    private void Select(IrInst i, IrBlock? next)
    {
        switch (i.Op)
        {
            case IrOp.Line:
                _out.Add(new MachineInst { Kind = MachineKind.Line, Line = i.Line });
                break;
            case IrOp.Mov:
                if (i.Dst >= 0 && _reg[i.Dst] >= 0) MoveInto(R(i.Dst), i.A, i.Width);
                break;
            case IrOp.Bin:
                SelectBinary(i);
                break;
            case IrOp.Neg:
                MoveInto(R(i.Dst), i.A, i.Width, zeroExtend: false);
                Add(Alu(i.Width, AluOp.Neg, R(i.Dst), 0));
                break;
            case IrOp.SignExtend:
            {
                var src = i.A.IsConst ? Materialized(R(i.Dst), i.A) : R(i.A);
                if (_f.Cpu < CpuVersion.V4)
                {
                    // cpu v3: shift the sign bit to the top and arithmetic-shift it back.
                    int shift = (i.Width == Width.W64 ? 64 : 32) - i.Bits;
                    MoveInto(R(i.Dst), Operand.R(i.A.IsConst ? i.Dst : i.A.Reg), i.Width, zeroExtend: false);
                    Add(Alu(i.Width, AluOp.Lsh, R(i.Dst), shift));
                    Add(Alu(i.Width, AluOp.Arsh, R(i.Dst), shift));
                    break;
                }
                // cpu v4 MOVSX: the offset field holds the source width.
                var mov = i.Width == Width.W64 ? Asm.Asm.Mov64(R(i.Dst), src) : Asm.Asm.Mov32(R(i.Dst), src);
                Add(mov with { Offset = (short)i.Bits });
                break;
            }
            case IrOp.ByteSwap:
                MoveInto(R(i.Dst), i.A, Width.W64, zeroExtend: false);
                Add(Asm.Asm.ToBigEndian(R(i.Dst), i.Bits));
                break;
            case IrOp.Load:
            {
                var (baseReg, offset) = Address(i);
                var size = SizeOf(i.Size);
                Add(i.Signed && i.Size != MemSize.B8 ? Asm.Asm.LoadMemSx(size, R(i.Dst), baseReg, offset) : Asm.Asm.LoadMem(size, R(i.Dst), baseReg, offset));
                break;
            }
            case IrOp.Store:
            {
                var (baseReg, offset) = Address(i);
                var size = SizeOf(i.Size);
                if (i.Atomic)
                {
                    Add(Asm.Asm.Atomic(size, baseReg, offset, R(i.A), AtomicOp.Add));
                    break;
                }
                Add(i.A.IsConst ? Asm.Asm.StoreImm(size, baseReg, offset, unchecked((int)i.A.Value)) : Asm.Asm.StoreMem(size, baseReg, offset, R(i.A)));
                break;
            }
            case IrOp.StackAddress:
                Add(Asm.Asm.Mov64(R(i.Dst), Register.R10));
                Add(Asm.Asm.Alu64(AluOp.Add, R(i.Dst), _f.Slots[i.Slot].Offset + i.Offset));
                break;
            case IrOp.CallHelper:
                Add(Asm.Asm.Call(i.Imm));
                break;
            case IrOp.CallLocal:
                _out.Add(new MachineInst { Insn = Asm.Asm.CallLocal(-1), CallSymbol = i.Symbol });
                break;
            case IrOp.Return:
                Add(Asm.Asm.Exit());
                break;
            case IrOp.LoadAddress:
            {
                // The loader fills in the map or section: clang's form, imm = offset, src_reg 0 until relocated.
                var (first, second) = Asm.Asm.LoadImm64(R(i.Dst), i.Imm);
                _out.Add(new MachineInst { Insn = first, Second = second, CallSymbol = i.Symbol, Relocation = i.Relocation });
                break;
            }
            case IrOp.Jump:
                if (i.Target != next)
                    _out.Add(MachineInst.JumpTo(Asm.Asm.Ja(0), i.Target!.Id));
                break;
            case IrOp.Branch:
                SelectBranch(i, next);
                break;
        }
    }

    private void SelectBinary(IrInst i)
    {
        var dst = R(i.Dst);
        MoveInto(dst, i.A, i.Width, zeroExtend: false);
        var (op, signed) = i.Bin switch
        {
            BinOp.Add => (AluOp.Add, false), BinOp.Sub => (AluOp.Sub, false), BinOp.Mul => (AluOp.Mul, false),
            BinOp.UDiv => (AluOp.Div, false), BinOp.SDiv => (AluOp.Div, true),
            BinOp.UMod => (AluOp.Mod, false), BinOp.SMod => (AluOp.Mod, true),
            BinOp.Or => (AluOp.Or, false), BinOp.And => (AluOp.And, false), BinOp.Xor => (AluOp.Xor, false),
            BinOp.Shl => (AluOp.Lsh, false), BinOp.LShr => (AluOp.Rsh, false), _ => (AluOp.Arsh, false),
        };
        var insn = i.B.IsConst ? Alu(i.Width, op, dst, unchecked((int)i.B.Value)) : Alu(i.Width, op, dst, R(i.B));
        // cpu v4 SDIV/SMOD: the signed forms of DIV/MOD have offset 1.
        Add(signed ? insn with { Offset = 1 } : insn);
    }

    private void SelectBranch(IrInst i, IrBlock? next)
    {
        var cond = i.Cond;
        IrBlock taken = i.Target!, other = i.Else!;
        if (taken == next && cond != Cond.Set)
        {
            cond = Legalizer.Negate(cond);
            (taken, other) = (other, taken);
        }

        var op = JumpOpOf(cond);
        var a = R(i.A);
        Instruction insn = i.Width == Width.W32
            ? (i.B.IsConst ? Asm.Asm.Jump32(op, a, unchecked((int)i.B.Value), 0) : Asm.Asm.Jump32(op, a, R(i.B), 0))
            : (i.B.IsConst ? Asm.Asm.Jump(op, a, unchecked((int)i.B.Value), 0) : Asm.Asm.Jump(op, a, R(i.B), 0));
        _out.Add(MachineInst.JumpTo(insn, taken.Id));
        if (other != next)
            _out.Add(MachineInst.JumpTo(Asm.Asm.Ja(0), other.Id));
    }

    public static JumpOp JumpOpOf(Cond c) => c switch
    {
        Cond.Eq => JumpOp.Jeq, Cond.Ne => JumpOp.Jne, Cond.ULt => JumpOp.Jlt, Cond.ULe => JumpOp.Jle,
        Cond.UGt => JumpOp.Jgt, Cond.UGe => JumpOp.Jge, Cond.SLt => JumpOp.Jslt, Cond.SLe => JumpOp.Jsle,
        Cond.SGt => JumpOp.Jsgt, Cond.SGe => JumpOp.Jsge, _ => JumpOp.Jset,
    };

    private (Register Base, short Offset) Address(IrInst i) =>
        i.Slot >= 0 ? (Register.R10, (short)(_f.Slots[i.Slot].Offset + i.Offset)) : (R(i.Base), (short)i.Offset);

    private static SizeCode SizeOf(MemSize size) => size switch
    {
        MemSize.B1 => SizeCode.B, MemSize.B2 => SizeCode.H, MemSize.B4 => SizeCode.W, _ => SizeCode.DW,
    };

    private static Instruction Alu(Width w, AluOp op, Register dst, int imm) => w == Width.W32 ? Asm.Asm.Alu32(op, dst, imm) : Asm.Asm.Alu64(op, dst, imm);

    private static Instruction Alu(Width w, AluOp op, Register dst, Register src) => w == Width.W32 ? Asm.Asm.Alu32(op, dst, src) : Asm.Asm.Alu64(op, dst, src);

    private Register Materialized(Register into, Operand constant)
    {
        MoveInto(into, constant, Width.W64);
        return into;
    }

    /// <summary>dst = value; nothing when it is already there.</summary>
    /// <param name="zeroExtend">Whether a 32-bit move must clear the upper half even in place (a truncation).</param>
    private void MoveInto(Register dst, Operand value, Width width, bool zeroExtend = true)
    {
        if (value.IsReg)
        {
            var src = R(value);
            if (src != dst || (width == Width.W32 && zeroExtend))
                Add(width == Width.W32 ? Asm.Asm.Mov32(dst, src) : Asm.Asm.Mov64(dst, src));
            return;
        }

        long c = value.Value;
        // A 32-bit move zero-extends, so it loads any constant in [0, 2^32) in one instruction.
        if (width == Width.W32 || c == (uint)c)
            Add(Asm.Asm.Mov32(dst, unchecked((int)c)));
        else if (Legalizer.FitsImm(c))
            Add(Asm.Asm.Mov64(dst, (int)c));
        else
        {
            var (first, second) = Asm.Asm.LoadImm64(dst, c);
            _out.Add(new MachineInst { Insn = first, Second = second });
        }
    }
}
