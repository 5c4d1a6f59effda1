using System;
using System.Globalization;

namespace BpfSharp.Asm;

/// <summary>
/// Prints instructions in the syntax of LLVM 14's <c>llvm-objdump -d</c> for BPF, so our output can be diffed
/// against the real tool. <paramref name="alu32"/> arguments mirror <c>--mattr=+alu32</c> (w registers for
/// sub-64-bit loads, stores and atomics). <see cref="DisassemblyNotation.Verifier"/> spells memory operands and
/// local calls as the kernel's verifier log does instead, for compiler listings that read like that log.
/// </summary>
/// <remarks>
/// Where LLVM 14 has no syntax (it prints <c>&lt;unknown&gt;</c> for v4 instructions, BPF_ST, MOD and JSET, and
/// misreads 32-bit fetch atomics without +alu32) we print what later LLVM releases print, so every instruction the
/// kernel accepts reads sensibly. Encodings the kernel rejects print <c>&lt;unknown&gt;</c>, as objdump does.
/// </remarks>
internal static class Disassembler
{
    public const string Unknown = "<unknown>";

    /// <summary>
    /// The text of one instruction, without a jump target annotation. For LD_IMM64 pass the second slot as
    /// <paramref name="next"/>; without it the instruction prints as unknown.
    /// </summary>
    public static string Format(Instruction insn, Instruction? next = null, bool alu32 = false,
        DisassemblyNotation notation = DisassemblyNotation.Objdump)
    {
        bool verifier = notation == DisassemblyNotation.Verifier;
        return insn.Class switch
        {
            InstructionClass.Alu or InstructionClass.Alu64 => FormatAlu(insn),
            InstructionClass.Jmp or InstructionClass.Jmp32 => FormatJump(insn, verifier),
            InstructionClass.Ldx => FormatLoad(insn, alu32, verifier),
            InstructionClass.St => FormatStoreImm(insn, verifier),
            InstructionClass.Stx => FormatStore(insn, alu32, verifier),
            _ => FormatLd(insn, next, verifier),
        };
    }

    /// <summary>
    /// The slot index a jump or long jump at <paramref name="index"/> lands on, or null for anything else
    /// (calls, exit, non-jumps). Used for objdump's <c>&lt;symbol+0x..&gt;</c> annotations.
    /// </summary>
    public static long? JumpTarget(Instruction insn, long index)
    {
        if (insn.Class is not (InstructionClass.Jmp or InstructionClass.Jmp32))
            return null;
        var op = (JumpOp)(insn.OpCode & 0xf0);
        if (op is JumpOp.Call or JumpOp.Exit || Format(insn) == Unknown)
            return null;
        bool longJump = insn.Class == InstructionClass.Jmp32 && op == JumpOp.Ja;
        return index + 1 + (longJump ? insn.Imm : insn.Offset);
    }

    private static string FormatAlu(Instruction insn)
    {
        bool is64 = insn.Class == InstructionClass.Alu64;
        bool fromReg = (insn.OpCode & 0x08) != 0;
        var op = (AluOp)(insn.OpCode & 0xf0);
        string dst = Reg(insn.Dst, !is64);
        string src = fromReg ? Reg(insn.Src, !is64) : Imm(insn.Imm);

        switch (op)
        {
            case AluOp.Neg:
                return fromReg ? Unknown : $"{dst} = -{dst}";
            case AluOp.End:
                return FormatEndian(insn, is64, fromReg);
            case AluOp.Mov when fromReg && insn.Offset != 0:
                // v4 MOVSX: off is the source width.
                return insn.Offset is 8 or 16 || (is64 && insn.Offset == 32)
                    ? $"{dst} = (s{insn.Offset}){src}"
                    : Unknown;
            case AluOp.Div when insn.Offset == 1:
                return $"{dst} s/= {src}";
            case AluOp.Mod when insn.Offset == 1:
                return $"{dst} s%= {src}";
        }

        string? symbol = op switch
        {
            AluOp.Add => "+=", AluOp.Sub => "-=", AluOp.Mul => "*=", AluOp.Div => "/=", AluOp.Or => "|=",
            AluOp.And => "&=", AluOp.Lsh => "<<=", AluOp.Rsh => ">>=", AluOp.Mod => "%=", AluOp.Xor => "^=",
            AluOp.Mov => "=", AluOp.Arsh => "s>>=", _ => null,
        };
        return symbol is null ? Unknown : $"{dst} {symbol} {src}";
    }

    private static string FormatEndian(Instruction insn, bool is64, bool fromReg)
    {
        if (insn.Imm is not (16 or 32 or 64))
            return Unknown;
        string dst = Reg(insn.Dst, narrow: false);
        if (is64)
            return fromReg ? Unknown : $"{dst} = bswap{insn.Imm} {dst}";
        return $"{dst} = {(fromReg ? "be" : "le")}{insn.Imm} {dst}";
    }

    private static string FormatJump(Instruction insn, bool verifier)
    {
        bool is32 = insn.Class == InstructionClass.Jmp32;
        bool fromReg = (insn.OpCode & 0x08) != 0;
        var op = (JumpOp)(insn.OpCode & 0xf0);
        switch (op)
        {
            case JumpOp.Ja:
                if (fromReg)
                    return Unknown;
                return is32 ? $"gotol {Displacement(insn.Imm)}" : $"goto {Displacement(insn.Offset)}";
            case JumpOp.Call:
                if (is32 || fromReg)
                    return Unknown;
                return verifier && insn.Src == PseudoSource.LocalCall ? $"call pc{Displacement(insn.Imm)}" : $"call {Imm(insn.Imm)}";
            case JumpOp.Exit:
                // LLVM's decoder insists on imm = 0 for exit but ignores the register and offset fields.
                return is32 || fromReg || insn.Imm != 0 ? Unknown : "exit";
        }

        string? condition = op switch
        {
            JumpOp.Jeq => "==", JumpOp.Jgt => ">", JumpOp.Jge => ">=", JumpOp.Jset => "&", JumpOp.Jne => "!=",
            JumpOp.Jsgt => "s>", JumpOp.Jsge => "s>=", JumpOp.Jlt => "<", JumpOp.Jle => "<=", JumpOp.Jslt => "s<",
            JumpOp.Jsle => "s<=", _ => null,
        };
        if (condition is null)
            return Unknown;
        string right = fromReg ? Reg(insn.Src, is32) : Imm(insn.Imm);
        return $"if {Reg(insn.Dst, is32)} {condition} {right} goto {Displacement(insn.Offset)}";
    }

    private static string FormatLoad(Instruction insn, bool alu32, bool verifier)
    {
        var size = (SizeCode)(insn.OpCode & 0x18);
        var mode = (ModeCode)(insn.OpCode & 0xe0);
        if (mode == ModeCode.Mem)
            return $"{Reg(insn.Dst, alu32 && size != SizeCode.DW)} = *({Width(size)} *){Address(insn.Src, insn.Offset, verifier)}";
        if (mode == ModeCode.MemSx && size != SizeCode.DW)
            return $"{Reg(insn.Dst, narrow: false)} = *({Width(size).Replace('u', 's')} *){Address(insn.Src, insn.Offset, verifier)}";
        return Unknown;
    }

    private static string FormatStoreImm(Instruction insn, bool verifier)
    {
        var size = (SizeCode)(insn.OpCode & 0x18);
        if ((ModeCode)(insn.OpCode & 0xe0) != ModeCode.Mem)
            return Unknown;
        return $"*({Width(size)} *){Address(insn.Dst, insn.Offset, verifier)} = {Imm(insn.Imm)}";
    }

    private static string FormatStore(Instruction insn, bool alu32, bool verifier)
    {
        var size = (SizeCode)(insn.OpCode & 0x18);
        var mode = (ModeCode)(insn.OpCode & 0xe0);
        if (mode == ModeCode.Mem)
            return $"*({Width(size)} *){Address(insn.Dst, insn.Offset, verifier)} = {Reg(insn.Src, alu32 && size != SizeCode.DW)}";
        if (mode != ModeCode.Atomic || size is not (SizeCode.W or SizeCode.DW))
            return Unknown;
        return FormatAtomic(insn, size == SizeCode.DW, alu32, verifier);
    }

    private static string FormatAtomic(Instruction insn, bool is64, bool alu32, bool verifier)
    {
        string bits = is64 ? "64" : "32";
        string width = is64 ? "u64" : "u32";
        string address = Address(insn.Dst, insn.Offset, verifier);
        // Plain 32-bit add predates alu32 and prints with an r register unless +alu32 is on.
        string src = Reg(insn.Src, narrow: !is64 && (alu32 || insn.Imm != 0));
        string? op = (AtomicOp)(insn.Imm & ~(int)AtomicOp.Fetch) switch
        {
            AtomicOp.Add => "add", AtomicOp.Or => "or", AtomicOp.And => "and", AtomicOp.Xor => "xor", _ => null,
        };
        if (op is not null)
        {
            if ((insn.Imm & (int)AtomicOp.Fetch) == 0)
                return $"lock *({width} *){address} {AluSymbol(op)} {src}";
            return $"{src} = atomic_fetch_{op}(({width} *){address}, {src})";
        }
        string prefix = is64 ? "" : "32";
        string r0 = Reg(Register.R0, narrow: !is64);
        return (AtomicOp)insn.Imm switch
        {
            AtomicOp.Xchg => $"{src} = xchg{prefix}_{bits}({address.Substring(1, address.Length - 2)}, {src})",
            AtomicOp.CmpXchg => $"{r0} = cmpxchg{prefix}_{bits}({address.Substring(1, address.Length - 2)}, {r0}, {src})",
            _ => Unknown,
        };
    }

    private static string AluSymbol(string op) => op switch { "add" => "+=", "or" => "|=", "and" => "&=", _ => "^=" };

    private static string FormatLd(Instruction insn, Instruction? next, bool verifier)
    {
        var size = (SizeCode)(insn.OpCode & 0x18);
        var mode = (ModeCode)(insn.OpCode & 0xe0);
        switch (mode)
        {
            case ModeCode.Imm when size == SizeCode.DW && next is { } high:
                if (insn.Src != 0 && !verifier)
                    return $"ld_pseudo\t{Reg(insn.Dst, narrow: false)}, {(int)insn.Src}, {((uint)insn.Imm).ToString(CultureInfo.InvariantCulture)}";
                long value = (long)(((ulong)(uint)high.Imm << 32) | (uint)insn.Imm);
                return $"{Reg(insn.Dst, narrow: false)} = {value.ToString(CultureInfo.InvariantCulture)} ll";
            case ModeCode.Abs when size != SizeCode.DW:
                return $"r0 = *({Width(size)} *)skb[{Imm(insn.Imm)}]";
            case ModeCode.Ind when size != SizeCode.DW:
                return $"r0 = *({Width(size)} *)skb[{Reg(insn.Src, narrow: false)}]";
            default:
                return Unknown;
        }
    }

    private static string Reg(Register r, bool narrow) => (narrow ? "w" : "r") + ((int)r).ToString(CultureInfo.InvariantCulture);

    private static string Imm(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Displacement(int value) => (value >= 0 ? "+" : "") + value.ToString(CultureInfo.InvariantCulture);

    private static string Address(Register baseRegister, short offset, bool verifier) => verifier
        ? $"({Reg(baseRegister, narrow: false)} {Displacement(offset)})"
        : $"({Reg(baseRegister, narrow: false)} {(offset < 0 ? "-" : "+")} {Math.Abs((int)offset).ToString(CultureInfo.InvariantCulture)})";

    private static string Width(SizeCode size) => size switch
    {
        SizeCode.B => "u8", SizeCode.H => "u16", SizeCode.W => "u32", _ => "u64",
    };
}
