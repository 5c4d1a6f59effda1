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
}
