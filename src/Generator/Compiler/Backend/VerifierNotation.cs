using System.Globalization;
using BpfSharp.Asm;

namespace BpfSharp.Generator.Compiler.Backend;

/// <summary>Formats instructions in the kernel verifier's notation (<c>r1 = r10</c>, <c>*(u32 *)(r10 -16) = 1</c>), for tests and dumps.</summary>
internal static class VerifierNotation
{
    public static string Format(Instruction i, Instruction? second = null)
    {
        var cls = i.Class;
        bool x = (i.OpCode & 0x08) != 0;
        switch (cls)
        {
            case InstructionClass.Alu:
            case InstructionClass.Alu64:
            {
                string p = cls == InstructionClass.Alu64 ? "r" : "w";
                var op = (AluOp)(i.OpCode & 0xf0);
                string d = p + (int)i.Dst;
                string s = x ? p + (int)i.Src : I(i.Imm);
                if (op == AluOp.Neg) return $"{d} = -{d}";
                if (op == AluOp.End) return $"r{(int)i.Dst} = {(cls == InstructionClass.Alu64 ? "bswap" : x ? "be" : "le")}{I(i.Imm)} r{(int)i.Dst}";
                if (op == AluOp.Mov && i.Offset != 0) return $"{d} = (s{i.Offset}){p}{(int)i.Src}";
                if (op == AluOp.Mov) return $"{d} = {s}";
                string sign = i.Offset == 1 ? "s" : "";
                string sym = op switch
                {
                    AluOp.Add => "+=", AluOp.Sub => "-=", AluOp.Mul => "*=", AluOp.Div => sign + "/=", AluOp.Or => "|=",
                    AluOp.And => "&=", AluOp.Lsh => "<<=", AluOp.Rsh => ">>=", AluOp.Mod => sign + "%=", AluOp.Xor => "^=",
                    AluOp.Arsh => "s>>=", _ => op.ToString(),
                };
                return $"{d} {sym} {s}";
            }
            case InstructionClass.Jmp:
            case InstructionClass.Jmp32:
            {
                var op = (JumpOp)(i.OpCode & 0xf0);
                if (op == JumpOp.Exit) return "exit";
                if (op == JumpOp.Call) return i.Src == PseudoSource.LocalCall ? $"call pc{O(i.Imm)}" : $"call {I(i.Imm)}";
                if (op == JumpOp.Ja) return cls == InstructionClass.Jmp32 ? $"gotol {O(i.Imm)}" : $"goto {O(i.Offset)}";
                string p = cls == InstructionClass.Jmp ? "r" : "w";
                string s = x ? p + (int)i.Src : I(i.Imm);
                string sym = op switch
                {
                    JumpOp.Jeq => "==", JumpOp.Jne => "!=", JumpOp.Jgt => ">", JumpOp.Jge => ">=", JumpOp.Jlt => "<",
                    JumpOp.Jle => "<=", JumpOp.Jsgt => "s>", JumpOp.Jsge => "s>=", JumpOp.Jslt => "s<", JumpOp.Jsle => "s<=",
                    JumpOp.Jset => "&", _ => op.ToString(),
                };
                return $"if {p}{(int)i.Dst} {sym} {s} goto {O(i.Offset)}";
            }
            case InstructionClass.Ldx:
                return $"r{(int)i.Dst} = *({((i.OpCode & 0xe0) == (byte)ModeCode.MemSx ? "s" : "u")}{Bits(i)} *)(r{(int)i.Src} {O(i.Offset)})";
            case InstructionClass.St:
                return $"*(u{Bits(i)} *)(r{(int)i.Dst} {O(i.Offset)}) = {I(i.Imm)}";
            case InstructionClass.Stx:
                return $"*(u{Bits(i)} *)(r{(int)i.Dst} {O(i.Offset)}) = r{(int)i.Src}";
            case InstructionClass.Ld when i.IsWide:
                long v = (uint)i.Imm | ((long)(second?.Imm ?? 0) << 32);
                return $"r{(int)i.Dst} = {v.ToString(CultureInfo.InvariantCulture)} ll";
            default:
                return $"op 0x{i.OpCode:x2}";
        }
    }

    private static int Bits(Instruction i) => ((SizeCode)(i.OpCode & 0x18)) switch
    {
        SizeCode.B => 8, SizeCode.H => 16, SizeCode.W => 32, _ => 64,
    };

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string O(int v) => v < 0 ? I(v) : "+" + I(v);
}
