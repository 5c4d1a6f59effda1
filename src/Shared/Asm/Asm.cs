using System;

namespace BpfSharp.Asm;

/// <summary>
/// A readable builder for instructions, in the spirit of cilium/ebpf's asm package:
/// <c>Asm.Alu64(AluOp.Add, R1, -16)</c>, <c>Asm.Call(6)</c>.
/// </summary>
internal static class Asm
{
    public static Instruction Alu64(AluOp op, Register dst, int imm) =>
        new((byte)((byte)InstructionClass.Alu64 | (byte)SourceCode.K | (byte)op), dst, 0, 0, imm);

    public static Instruction Alu64(AluOp op, Register dst, Register src) =>
        new((byte)((byte)InstructionClass.Alu64 | (byte)SourceCode.X | (byte)op), dst, src, 0, 0);

    public static Instruction Alu32(AluOp op, Register dst, int imm) =>
        new((byte)((byte)InstructionClass.Alu | (byte)SourceCode.K | (byte)op), dst, 0, 0, imm);

    public static Instruction Alu32(AluOp op, Register dst, Register src) =>
        new((byte)((byte)InstructionClass.Alu | (byte)SourceCode.X | (byte)op), dst, src, 0, 0);

    public static Instruction Mov64(Register dst, int imm) => Alu64(AluOp.Mov, dst, imm);
    public static Instruction Mov64(Register dst, Register src) => Alu64(AluOp.Mov, dst, src);
    public static Instruction Mov32(Register dst, int imm) => Alu32(AluOp.Mov, dst, imm);
    public static Instruction Mov32(Register dst, Register src) => Alu32(AluOp.Mov, dst, src);

    /// <summary>LD_IMM64: two slots. <paramref name="src"/> selects a pseudo form (map fd, map value, ...).</summary>
    public static (Instruction First, Instruction Second) LoadImm64(Register dst, long value, Register src = Register.R0) => (
        new((byte)((byte)InstructionClass.Ld | (byte)SizeCode.DW | (byte)ModeCode.Imm), dst, src, 0, unchecked((int)value)),
        new(0, 0, 0, 0, unchecked((int)(value >> 32))));

    public static Instruction LoadMem(SizeCode size, Register dst, Register src, short offset) =>
        new((byte)((byte)InstructionClass.Ldx | (byte)size | (byte)ModeCode.Mem), dst, src, offset, 0);

    public static Instruction LoadMemSx(SizeCode size, Register dst, Register src, short offset) =>
        new((byte)((byte)InstructionClass.Ldx | (byte)size | (byte)ModeCode.MemSx), dst, src, offset, 0);

    public static Instruction StoreMem(SizeCode size, Register dst, short offset, Register src) =>
        new((byte)((byte)InstructionClass.Stx | (byte)size | (byte)ModeCode.Mem), dst, src, offset, 0);

    public static Instruction StoreImm(SizeCode size, Register dst, short offset, int imm) =>
        new((byte)((byte)InstructionClass.St | (byte)size | (byte)ModeCode.Mem), dst, 0, offset, imm);

    /// <summary>Atomic read-modify-write; <paramref name="atomicOp"/> is an ALU op, optionally | FETCH (0x01), or XCHG/CMPXCHG.</summary>
    public static Instruction Atomic(SizeCode size, Register dst, short offset, Register src, int atomicOp) =>
        new((byte)((byte)InstructionClass.Stx | (byte)size | (byte)ModeCode.Atomic), dst, src, offset, atomicOp);

    public static Instruction Jump(JumpOp op, Register dst, int imm, short offset) =>
        new((byte)((byte)InstructionClass.Jmp | (byte)SourceCode.K | (byte)op), dst, 0, offset, imm);

    public static Instruction Jump(JumpOp op, Register dst, Register src, short offset) =>
        new((byte)((byte)InstructionClass.Jmp | (byte)SourceCode.X | (byte)op), dst, src, offset, 0);

    public static Instruction Jump32(JumpOp op, Register dst, int imm, short offset) =>
        new((byte)((byte)InstructionClass.Jmp32 | (byte)SourceCode.K | (byte)op), dst, 0, offset, imm);

    public static Instruction Jump32(JumpOp op, Register dst, Register src, short offset) =>
        new((byte)((byte)InstructionClass.Jmp32 | (byte)SourceCode.X | (byte)op), dst, src, offset, 0);

    public static Instruction Ja(short offset) => new((byte)((byte)InstructionClass.Jmp | (byte)JumpOp.Ja), 0, 0, offset, 0);

    /// <summary>JMP32|JA: the v4 long jump whose 32-bit target lives in imm.</summary>
    public static Instruction LongJa(int offset) => new((byte)((byte)InstructionClass.Jmp32 | (byte)JumpOp.Ja), 0, 0, 0, offset);

    public static Instruction Call(int helperId) => new((byte)((byte)InstructionClass.Jmp | (byte)JumpOp.Call), 0, 0, 0, helperId);

    /// <summary>BPF-to-BPF call: imm is the target's offset in slots relative to the next instruction.</summary>
    public static Instruction CallLocal(int relativeSlots) =>
        new((byte)((byte)InstructionClass.Jmp | (byte)JumpOp.Call), 0, PseudoSource.LocalCall, 0, relativeSlots);

    public static Instruction Exit() => new((byte)((byte)InstructionClass.Jmp | (byte)JumpOp.Exit), 0, 0, 0, 0);

    public static Instruction Neg64(Register dst) => new((byte)((byte)InstructionClass.Alu64 | (byte)AluOp.Neg), dst, 0, 0, 0);

    public static Instruction Neg32(Register dst) => new((byte)((byte)InstructionClass.Alu | (byte)AluOp.Neg), dst, 0, 0, 0);

    /// <summary>Converts dst from host (little-endian) order to little-endian, truncating to <paramref name="bits"/> (16, 32 or 64).</summary>
    public static Instruction ToLittleEndian(Register dst, int bits) =>
        new((byte)((byte)InstructionClass.Alu | (byte)SourceCode.K | (byte)AluOp.End), dst, 0, 0, CheckSwapWidth(bits));

    /// <summary>Converts dst to big-endian, truncating to <paramref name="bits"/> (16, 32 or 64).</summary>
    public static Instruction ToBigEndian(Register dst, int bits) =>
        new((byte)((byte)InstructionClass.Alu | (byte)SourceCode.X | (byte)AluOp.End), dst, 0, 0, CheckSwapWidth(bits));

    /// <summary>v4 unconditional byte swap (ALU64|END) of the low <paramref name="bits"/> bits.</summary>
    public static Instruction ByteSwap(Register dst, int bits) =>
        new((byte)((byte)InstructionClass.Alu64 | (byte)SourceCode.K | (byte)AluOp.End), dst, 0, 0, CheckSwapWidth(bits));

    /// <summary>v4 sign-extending move: dst = (s8/s16/s32)src, as 64 bits.</summary>
    public static Instruction MovSx64(Register dst, Register src, int bits) =>
        new((byte)((byte)InstructionClass.Alu64 | (byte)SourceCode.X | (byte)AluOp.Mov), dst, src, CheckSignExtendWidth(bits, allow32: true), 0);

    /// <summary>v4 sign-extending move into the 32-bit subregister: w = (s8/s16)w.</summary>
    public static Instruction MovSx32(Register dst, Register src, int bits) =>
        new((byte)((byte)InstructionClass.Alu | (byte)SourceCode.X | (byte)AluOp.Mov), dst, src, CheckSignExtendWidth(bits, allow32: false), 0);

    // v4 signed division and modulo are DIV and MOD with off = 1.
    public static Instruction SDiv64(Register dst, Register src) => Alu64(AluOp.Div, dst, src) with { Offset = 1 };
    public static Instruction SDiv64(Register dst, int imm) => Alu64(AluOp.Div, dst, imm) with { Offset = 1 };
    public static Instruction SMod64(Register dst, Register src) => Alu64(AluOp.Mod, dst, src) with { Offset = 1 };
    public static Instruction SMod64(Register dst, int imm) => Alu64(AluOp.Mod, dst, imm) with { Offset = 1 };
    public static Instruction SDiv32(Register dst, Register src) => Alu32(AluOp.Div, dst, src) with { Offset = 1 };
    public static Instruction SDiv32(Register dst, int imm) => Alu32(AluOp.Div, dst, imm) with { Offset = 1 };
    public static Instruction SMod32(Register dst, Register src) => Alu32(AluOp.Mod, dst, src) with { Offset = 1 };
    public static Instruction SMod32(Register dst, int imm) => Alu32(AluOp.Mod, dst, imm) with { Offset = 1 };

    /// <summary>Atomic read-modify-write on a 32-bit (W) or 64-bit (DW) location.</summary>
    public static Instruction Atomic(SizeCode size, Register dst, short offset, Register src, AtomicOp op)
    {
        if (size is not (SizeCode.W or SizeCode.DW))
            throw new ArgumentException($"Atomic operations are 32 or 64 bits wide, not {size}.", nameof(size));
        return Atomic(size, dst, offset, src, (int)op);
    }

    /// <summary>Legacy packet load: r0 = *(size *)skb[imm] (BPF_ABS), for socket filters.</summary>
    public static Instruction LoadAbs(SizeCode size, int imm) =>
        new((byte)((byte)InstructionClass.Ld | (byte)size | (byte)ModeCode.Abs), 0, 0, 0, imm);

    /// <summary>Legacy packet load: r0 = *(size *)skb[src + imm] (BPF_IND).</summary>
    public static Instruction LoadInd(SizeCode size, Register src, int imm) =>
        new((byte)((byte)InstructionClass.Ld | (byte)size | (byte)ModeCode.Ind), 0, src, 0, imm);

    /// <summary>LD_IMM64 of a map by file descriptor (BPF_PSEUDO_MAP_FD).</summary>
    public static (Instruction First, Instruction Second) LoadMapFd(Register dst, int fd) => LoadPseudo(dst, PseudoSource.MapFd, fd, 0);

    /// <summary>LD_IMM64 of the address of a map value (BPF_PSEUDO_MAP_VALUE): array map fd plus offset into value 0.</summary>
    public static (Instruction First, Instruction Second) LoadMapValue(Register dst, int fd, int valueOffset) =>
        LoadPseudo(dst, PseudoSource.MapValue, fd, valueOffset);

    /// <summary>LD_IMM64 of a map by index into the fd_array given at load time (BPF_PSEUDO_MAP_IDX).</summary>
    public static (Instruction First, Instruction Second) LoadMapIdx(Register dst, int index) => LoadPseudo(dst, PseudoSource.MapIdx, index, 0);

    public static (Instruction First, Instruction Second) LoadMapIdxValue(Register dst, int index, int valueOffset) =>
        LoadPseudo(dst, PseudoSource.MapIdxValue, index, valueOffset);

    /// <summary>LD_IMM64 of a kernel variable's address by BTF id (BPF_PSEUDO_BTF_ID).</summary>
    public static (Instruction First, Instruction Second) LoadBtfId(Register dst, int btfId) => LoadPseudo(dst, PseudoSource.BtfId, btfId, 0);

    /// <summary>LD_IMM64 of a subprogram's address (BPF_PSEUDO_FUNC); imm is relative to the next instruction, in slots.</summary>
    public static (Instruction First, Instruction Second) LoadFunc(Register dst, int relativeSlots) =>
        LoadPseudo(dst, PseudoSource.Function, relativeSlots, 0);

    /// <summary>Call of a kernel function by BTF id (BPF_PSEUDO_KFUNC_CALL); <paramref name="moduleBtfIndex"/> picks a module's BTF from fd_array.</summary>
    public static Instruction CallKfunc(int btfId, short moduleBtfIndex = 0) =>
        new((byte)((byte)InstructionClass.Jmp | (byte)JumpOp.Call), 0, PseudoSource.KernelFuncCall, moduleBtfIndex, btfId);

    private static (Instruction First, Instruction Second) LoadPseudo(Register dst, Register kind, int imm, int next) => (
        new((byte)((byte)InstructionClass.Ld | (byte)SizeCode.DW | (byte)ModeCode.Imm), dst, kind, 0, imm),
        new(0, 0, 0, 0, next));

    private static int CheckSwapWidth(int bits) => bits is 16 or 32 or 64
        ? bits
        : throw new ArgumentOutOfRangeException(nameof(bits), $"Byte swaps are 16, 32 or 64 bits wide, not {bits}.");

    private static short CheckSignExtendWidth(int bits, bool allow32) => bits is 8 or 16 || (allow32 && bits == 32)
        ? (short)bits
        : throw new ArgumentOutOfRangeException(nameof(bits), $"Sign extension from {bits} bits is not an eBPF instruction here.");
}
