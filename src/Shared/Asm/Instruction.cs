using System;
using System.Buffers.Binary;

namespace BpfSharp.Asm;

/// <summary>
/// One 8-byte eBPF instruction slot: opcode, dst/src register nibbles, 16-bit offset, 32-bit immediate.
/// A 64-bit immediate load (LD_IMM64) occupies two slots; the second has opcode 0 and carries the high half.
/// </summary>
internal readonly record struct Instruction(byte OpCode, Register Dst, Register Src, short Offset, int Imm)
{
    public const int Size = 8;

    public InstructionClass Class => (InstructionClass)(OpCode & 0x07);

    public bool IsWide => OpCode == ((byte)InstructionClass.Ld | (byte)SizeCode.DW | (byte)ModeCode.Imm);

    public void WriteTo(Span<byte> destination)
    {
        destination[0] = OpCode;
        // Little-endian BPF: dst in the low nibble, src in the high nibble.
        destination[1] = (byte)(((byte)Src << 4) | ((byte)Dst & 0x0f));
        BinaryPrimitives.WriteInt16LittleEndian(destination.Slice(2), Offset);
        BinaryPrimitives.WriteInt32LittleEndian(destination.Slice(4), Imm);
    }

    public static Instruction ReadFrom(ReadOnlySpan<byte> source) => new(
        source[0],
        (Register)(source[1] & 0x0f),
        (Register)(source[1] >> 4),
        BinaryPrimitives.ReadInt16LittleEndian(source.Slice(2)),
        BinaryPrimitives.ReadInt32LittleEndian(source.Slice(4)));

    public static byte[] Encode(ReadOnlySpan<Instruction> instructions)
    {
        var bytes = new byte[instructions.Length * Size];
        for (int i = 0; i < instructions.Length; i++)
            instructions[i].WriteTo(bytes.AsSpan(i * Size));
        return bytes;
    }

    public static Instruction[] Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % Size != 0)
            throw new ArgumentException($"eBPF code must be a multiple of 8 bytes, got {bytes.Length}.", nameof(bytes));
        var result = new Instruction[bytes.Length / Size];
        for (int i = 0; i < result.Length; i++)
            result[i] = ReadFrom(bytes.Slice(i * Size));
        return result;
    }
}

internal enum Register : byte { R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10 }

internal enum InstructionClass : byte { Ld = 0, Ldx = 1, St = 2, Stx = 3, Alu = 4, Jmp = 5, Jmp32 = 6, Alu64 = 7 }

/// <summary>Access width for load and store classes.</summary>
internal enum SizeCode : byte { W = 0x00, H = 0x08, B = 0x10, DW = 0x18 }

/// <summary>Addressing mode for load and store classes.</summary>
internal enum ModeCode : byte { Imm = 0x00, Abs = 0x20, Ind = 0x40, Mem = 0x60, MemSx = 0x80, Atomic = 0xc0 }

/// <summary>Operand source for ALU and JMP classes.</summary>
internal enum SourceCode : byte { K = 0x00, X = 0x08 }

internal enum AluOp : byte
{
    Add = 0x00, Sub = 0x10, Mul = 0x20, Div = 0x30, Or = 0x40, And = 0x50, Lsh = 0x60, Rsh = 0x70,
    Neg = 0x80, Mod = 0x90, Xor = 0xa0, Mov = 0xb0, Arsh = 0xc0, End = 0xd0,
}

internal enum JumpOp : byte
{
    Ja = 0x00, Jeq = 0x10, Jgt = 0x20, Jge = 0x30, Jset = 0x40, Jne = 0x50, Jsgt = 0x60, Jsge = 0x70,
    Call = 0x80, Exit = 0x90, Jlt = 0xa0, Jle = 0xb0, Jslt = 0xc0, Jsle = 0xd0,
}

/// <summary>The src-register values that give LD_IMM64 and CALL their special meanings.</summary>
internal static class PseudoSource
{
    public const Register MapFd = (Register)1;        // BPF_PSEUDO_MAP_FD
    public const Register MapValue = (Register)2;     // BPF_PSEUDO_MAP_VALUE
    public const Register BtfId = (Register)3;        // BPF_PSEUDO_BTF_ID
    public const Register Function = (Register)4;     // BPF_PSEUDO_FUNC
    public const Register MapIdx = (Register)5;       // BPF_PSEUDO_MAP_IDX
    public const Register MapIdxValue = (Register)6;  // BPF_PSEUDO_MAP_IDX_VALUE
    public const Register LocalCall = (Register)1;    // BPF_PSEUDO_CALL
    public const Register KernelFuncCall = (Register)2; // BPF_PSEUDO_KFUNC_CALL
}
