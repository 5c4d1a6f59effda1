using BpfSharp.Asm;
using static BpfSharp.Asm.Register;
using A = BpfSharp.Asm.Asm;

namespace BpfSharp.Generator.Tests.Asm;

/// <summary>
/// One encoding per opcode form, with the text objdump prints for it. <see cref="Llvm14"/> says whether LLVM 14's
/// objdump can decode it (then the cross-check test holds us to its output); the others use later LLVM syntax.
/// </summary>
internal sealed record InstructionCase(string Text, Instruction[] Slots, string Bytes, bool Llvm14 = true, string? Alu32Text = null)
{
    public override string ToString() => Text;
}

internal static class InstructionCases
{
    private static InstructionCase C(string text, Instruction insn, string bytes, bool llvm14 = true, string? alu32 = null) =>
        new(text, new[] { insn }, bytes, llvm14, alu32);

    private static InstructionCase Wide(string text, (Instruction First, Instruction Second) pair, string bytes) =>
        new(text, new[] { pair.First, pair.Second }, bytes);

    public static readonly InstructionCase[] All =
    {
        // ALU64, immediate and register sources.
        C("r1 += -16", A.Alu64(AluOp.Add, R1, -16), "07 01 00 00 f0 ff ff ff"),
        C("r1 += r2", A.Alu64(AluOp.Add, R1, R2), "0f 21 00 00 00 00 00 00"),
        C("r3 -= 7", A.Alu64(AluOp.Sub, R3, 7), "17 03 00 00 07 00 00 00"),
        C("r3 -= r4", A.Alu64(AluOp.Sub, R3, R4), "1f 43 00 00 00 00 00 00"),
        C("r5 *= 3", A.Alu64(AluOp.Mul, R5, 3), "27 05 00 00 03 00 00 00"),
        C("r5 *= r6", A.Alu64(AluOp.Mul, R5, R6), "2f 65 00 00 00 00 00 00"),
        C("r7 /= 10", A.Alu64(AluOp.Div, R7, 10), "37 07 00 00 0a 00 00 00"),
        C("r7 /= r8", A.Alu64(AluOp.Div, R7, R8), "3f 87 00 00 00 00 00 00"),
        C("r9 |= 256", A.Alu64(AluOp.Or, R9, 256), "47 09 00 00 00 01 00 00"),
        C("r9 |= r0", A.Alu64(AluOp.Or, R9, R0), "4f 09 00 00 00 00 00 00"),
        C("r0 &= 255", A.Alu64(AluOp.And, R0, 255), "57 00 00 00 ff 00 00 00"),
        C("r0 &= r1", A.Alu64(AluOp.And, R0, R1), "5f 10 00 00 00 00 00 00"),
        C("r1 <<= 32", A.Alu64(AluOp.Lsh, R1, 32), "67 01 00 00 20 00 00 00"),
        C("r1 <<= r2", A.Alu64(AluOp.Lsh, R1, R2), "6f 21 00 00 00 00 00 00"),
        C("r1 >>= 32", A.Alu64(AluOp.Rsh, R1, 32), "77 01 00 00 20 00 00 00"),
        C("r1 >>= r2", A.Alu64(AluOp.Rsh, R1, R2), "7f 21 00 00 00 00 00 00"),
        C("r1 = -r1", A.Neg64(R1), "87 01 00 00 00 00 00 00"),
        C("r1 %= 3", A.Alu64(AluOp.Mod, R1, 3), "97 01 00 00 03 00 00 00", llvm14: false),
        C("r1 %= r2", A.Alu64(AluOp.Mod, R1, R2), "9f 21 00 00 00 00 00 00", llvm14: false),
        C("r1 ^= -1", A.Alu64(AluOp.Xor, R1, -1), "a7 01 00 00 ff ff ff ff"),
        C("r1 ^= r2", A.Alu64(AluOp.Xor, R1, R2), "af 21 00 00 00 00 00 00"),
        C("r0 = 0", A.Mov64(R0, 0), "b7 00 00 00 00 00 00 00"),
        C("r6 = r1", A.Mov64(R6, R1), "bf 16 00 00 00 00 00 00"),
        C("r1 s>>= 63", A.Alu64(AluOp.Arsh, R1, 63), "c7 01 00 00 3f 00 00 00"),
        C("r1 s>>= r2", A.Alu64(AluOp.Arsh, R1, R2), "cf 21 00 00 00 00 00 00"),

        // ALU (32-bit subregisters).
        C("w1 += 10", A.Alu32(AluOp.Add, R1, 10), "04 01 00 00 0a 00 00 00"),
        C("w1 += w2", A.Alu32(AluOp.Add, R1, R2), "0c 21 00 00 00 00 00 00"),
        C("w1 -= w2", A.Alu32(AluOp.Sub, R1, R2), "1c 21 00 00 00 00 00 00"),
        C("w1 *= 5", A.Alu32(AluOp.Mul, R1, 5), "24 01 00 00 05 00 00 00"),
        C("w1 /= w2", A.Alu32(AluOp.Div, R1, R2), "3c 21 00 00 00 00 00 00"),
        C("w1 |= 1", A.Alu32(AluOp.Or, R1, 1), "44 01 00 00 01 00 00 00"),
        C("w1 &= w2", A.Alu32(AluOp.And, R1, R2), "5c 21 00 00 00 00 00 00"),
        C("w1 <<= 3", A.Alu32(AluOp.Lsh, R1, 3), "64 01 00 00 03 00 00 00"),
        C("w1 >>= w2", A.Alu32(AluOp.Rsh, R1, R2), "7c 21 00 00 00 00 00 00"),
        C("w1 = -w1", A.Neg32(R1), "84 01 00 00 00 00 00 00"),
        C("w1 %= w2", A.Alu32(AluOp.Mod, R1, R2), "9c 21 00 00 00 00 00 00", llvm14: false),
        C("w1 ^= w2", A.Alu32(AluOp.Xor, R1, R2), "ac 21 00 00 00 00 00 00"),
        C("w0 = 1", A.Mov32(R0, 1), "b4 00 00 00 01 00 00 00"),
        C("w0 = w3", A.Mov32(R0, R3), "bc 30 00 00 00 00 00 00"),
        C("w1 s>>= 2", A.Alu32(AluOp.Arsh, R1, 2), "c4 01 00 00 02 00 00 00"),

        // Byte order.
        C("r1 = le16 r1", A.ToLittleEndian(R1, 16), "d4 01 00 00 10 00 00 00"),
        C("r1 = le32 r1", A.ToLittleEndian(R1, 32), "d4 01 00 00 20 00 00 00"),
        C("r1 = le64 r1", A.ToLittleEndian(R1, 64), "d4 01 00 00 40 00 00 00"),
        C("r2 = be16 r2", A.ToBigEndian(R2, 16), "dc 02 00 00 10 00 00 00"),
        C("r2 = be32 r2", A.ToBigEndian(R2, 32), "dc 02 00 00 20 00 00 00"),
        C("r2 = be64 r2", A.ToBigEndian(R2, 64), "dc 02 00 00 40 00 00 00"),
        C("r3 = bswap16 r3", A.ByteSwap(R3, 16), "d7 03 00 00 10 00 00 00", llvm14: false),
        C("r3 = bswap32 r3", A.ByteSwap(R3, 32), "d7 03 00 00 20 00 00 00", llvm14: false),
        C("r3 = bswap64 r3", A.ByteSwap(R3, 64), "d7 03 00 00 40 00 00 00", llvm14: false),

        // v4 sign extension and signed division.
        C("r1 = (s8)r2", A.MovSx64(R1, R2, 8), "bf 21 08 00 00 00 00 00", llvm14: false),
        C("r1 = (s16)r2", A.MovSx64(R1, R2, 16), "bf 21 10 00 00 00 00 00", llvm14: false),
        C("r1 = (s32)r2", A.MovSx64(R1, R2, 32), "bf 21 20 00 00 00 00 00", llvm14: false),
        C("w1 = (s8)w2", A.MovSx32(R1, R2, 8), "bc 21 08 00 00 00 00 00", llvm14: false),
        C("w1 = (s16)w2", A.MovSx32(R1, R2, 16), "bc 21 10 00 00 00 00 00", llvm14: false),
        C("r1 s/= r2", A.SDiv64(R1, R2), "3f 21 01 00 00 00 00 00", llvm14: false),
        C("r1 s/= -3", A.SDiv64(R1, -3), "37 01 01 00 fd ff ff ff", llvm14: false),
        C("r1 s%= r2", A.SMod64(R1, R2), "9f 21 01 00 00 00 00 00", llvm14: false),
        C("r1 s%= 7", A.SMod64(R1, 7), "97 01 01 00 07 00 00 00", llvm14: false),
        C("w1 s/= w2", A.SDiv32(R1, R2), "3c 21 01 00 00 00 00 00", llvm14: false),
        C("w1 s/= 4", A.SDiv32(R1, 4), "34 01 01 00 04 00 00 00", llvm14: false),
        C("w1 s%= w2", A.SMod32(R1, R2), "9c 21 01 00 00 00 00 00", llvm14: false),
        C("w1 s%= 5", A.SMod32(R1, 5), "94 01 01 00 05 00 00 00", llvm14: false),

        // Jumps.
        C("goto +3", A.Ja(3), "05 00 03 00 00 00 00 00"),
        C("goto -1", A.Ja(-1), "05 00 ff ff 00 00 00 00"),
        C("if r1 == 0 goto +1", A.Jump(JumpOp.Jeq, R1, 0, 1), "15 01 01 00 00 00 00 00"),
        C("if r1 == r2 goto +1", A.Jump(JumpOp.Jeq, R1, R2, 1), "1d 21 01 00 00 00 00 00"),
        C("if r1 > 5 goto +2", A.Jump(JumpOp.Jgt, R1, 5, 2), "25 01 02 00 05 00 00 00"),
        C("if r1 > r2 goto +5", A.Jump(JumpOp.Jgt, R1, R2, 5), "2d 21 05 00 00 00 00 00"),
        C("if r1 >= 5 goto +0", A.Jump(JumpOp.Jge, R1, 5, 0), "35 01 00 00 05 00 00 00"),
        C("if r1 >= r2 goto +1", A.Jump(JumpOp.Jge, R1, R2, 1), "3d 21 01 00 00 00 00 00"),
        C("if r1 & 1 goto +1", A.Jump(JumpOp.Jset, R1, 1, 1), "45 01 01 00 01 00 00 00", llvm14: false),
        C("if r1 & r2 goto +1", A.Jump(JumpOp.Jset, R1, R2, 1), "4d 21 01 00 00 00 00 00", llvm14: false),
        C("if r1 != -1 goto +1", A.Jump(JumpOp.Jne, R1, -1, 1), "55 01 01 00 ff ff ff ff"),
        C("if r1 != r2 goto +1", A.Jump(JumpOp.Jne, R1, R2, 1), "5d 21 01 00 00 00 00 00"),
        C("if r1 s> 5 goto +1", A.Jump(JumpOp.Jsgt, R1, 5, 1), "65 01 01 00 05 00 00 00"),
        C("if r1 s> r2 goto +1", A.Jump(JumpOp.Jsgt, R1, R2, 1), "6d 21 01 00 00 00 00 00"),
        C("if r1 s>= 5 goto +1", A.Jump(JumpOp.Jsge, R1, 5, 1), "75 01 01 00 05 00 00 00"),
        C("if r1 s>= r2 goto +1", A.Jump(JumpOp.Jsge, R1, R2, 1), "7d 21 01 00 00 00 00 00"),
        C("if r1 < 5 goto +1", A.Jump(JumpOp.Jlt, R1, 5, 1), "a5 01 01 00 05 00 00 00"),
        C("if r1 < r2 goto +1", A.Jump(JumpOp.Jlt, R1, R2, 1), "ad 21 01 00 00 00 00 00"),
        C("if r1 <= 5 goto +1", A.Jump(JumpOp.Jle, R1, 5, 1), "b5 01 01 00 05 00 00 00"),
        C("if r1 <= r2 goto +1", A.Jump(JumpOp.Jle, R1, R2, 1), "bd 21 01 00 00 00 00 00"),
        C("if r1 s< 5 goto +1", A.Jump(JumpOp.Jslt, R1, 5, 1), "c5 01 01 00 05 00 00 00"),
        C("if r1 s< r2 goto +1", A.Jump(JumpOp.Jslt, R1, R2, 1), "cd 21 01 00 00 00 00 00"),
        C("if r1 s<= 5 goto +1", A.Jump(JumpOp.Jsle, R1, 5, 1), "d5 01 01 00 05 00 00 00"),
        C("if r1 s<= r2 goto +1", A.Jump(JumpOp.Jsle, R1, R2, 1), "dd 21 01 00 00 00 00 00"),
        C("if w1 == 0 goto +1", A.Jump32(JumpOp.Jeq, R1, 0, 1), "16 01 01 00 00 00 00 00"),
        C("if w1 > w2 goto +1", A.Jump32(JumpOp.Jgt, R1, R2, 1), "2e 21 01 00 00 00 00 00"),
        C("if w1 s< -5 goto +1", A.Jump32(JumpOp.Jslt, R1, -5, 1), "c6 01 01 00 fb ff ff ff"),
        C("if w1 != w2 goto +1", A.Jump32(JumpOp.Jne, R1, R2, 1), "5e 21 01 00 00 00 00 00"),
        C("if w1 & w2 goto +1", A.Jump32(JumpOp.Jset, R1, R2, 1), "4e 21 01 00 00 00 00 00", llvm14: false),
        C("gotol +1", A.LongJa(1), "06 00 00 00 01 00 00 00", llvm14: false),
        C("call 6", A.Call(6), "85 00 00 00 06 00 00 00"),
        C("call 1", A.CallLocal(1), "85 10 00 00 01 00 00 00"),
        C("call 12345", A.CallKfunc(12345), "85 20 00 00 39 30 00 00"),
        C("exit", A.Exit(), "95 00 00 00 00 00 00 00"),

        // Loads and stores.
        C("r1 = *(u8 *)(r2 + 0)", A.LoadMem(SizeCode.B, R1, R2, 0), "71 21 00 00 00 00 00 00", alu32: "w1 = *(u8 *)(r2 + 0)"),
        C("r1 = *(u16 *)(r2 + 2)", A.LoadMem(SizeCode.H, R1, R2, 2), "69 21 02 00 00 00 00 00", alu32: "w1 = *(u16 *)(r2 + 2)"),
        C("r1 = *(u32 *)(r10 - 4)", A.LoadMem(SizeCode.W, R1, R10, -4), "61 a1 fc ff 00 00 00 00", alu32: "w1 = *(u32 *)(r10 - 4)"),
        C("r1 = *(u64 *)(r1 + 32767)", A.LoadMem(SizeCode.DW, R1, R1, 32767), "79 11 ff 7f 00 00 00 00"),
        C("r1 = *(u64 *)(r1 - 32768)", A.LoadMem(SizeCode.DW, R1, R1, -32768), "79 11 00 80 00 00 00 00"),
        C("r1 = *(s8 *)(r2 + 1)", A.LoadMemSx(SizeCode.B, R1, R2, 1), "91 21 01 00 00 00 00 00", llvm14: false),
        C("r1 = *(s16 *)(r2 + 2)", A.LoadMemSx(SizeCode.H, R1, R2, 2), "89 21 02 00 00 00 00 00", llvm14: false),
        C("r1 = *(s32 *)(r2 + 4)", A.LoadMemSx(SizeCode.W, R1, R2, 4), "81 21 04 00 00 00 00 00", llvm14: false),
        C("*(u8 *)(r10 - 1) = r1", A.StoreMem(SizeCode.B, R10, -1, R1), "73 1a ff ff 00 00 00 00", alu32: "*(u8 *)(r10 - 1) = w1"),
        C("*(u16 *)(r10 - 4) = r1", A.StoreMem(SizeCode.H, R10, -4, R1), "6b 1a fc ff 00 00 00 00", alu32: "*(u16 *)(r10 - 4) = w1"),
        C("*(u32 *)(r10 - 8) = r1", A.StoreMem(SizeCode.W, R10, -8, R1), "63 1a f8 ff 00 00 00 00", alu32: "*(u32 *)(r10 - 8) = w1"),
        C("*(u64 *)(r10 - 16) = r1", A.StoreMem(SizeCode.DW, R10, -16, R1), "7b 1a f0 ff 00 00 00 00"),
        C("*(u8 *)(r10 - 1) = 7", A.StoreImm(SizeCode.B, R10, -1, 7), "72 0a ff ff 07 00 00 00", llvm14: false),
        C("*(u16 *)(r10 - 2) = 7", A.StoreImm(SizeCode.H, R10, -2, 7), "6a 0a fe ff 07 00 00 00", llvm14: false),
        C("*(u32 *)(r10 - 4) = -1", A.StoreImm(SizeCode.W, R10, -4, -1), "62 0a fc ff ff ff ff ff", llvm14: false),
        C("*(u64 *)(r10 - 8) = 0", A.StoreImm(SizeCode.DW, R10, -8, 0), "7a 0a f8 ff 00 00 00 00", llvm14: false),
        C("r0 = *(u8 *)skb[23]", A.LoadAbs(SizeCode.B, 23), "30 00 00 00 17 00 00 00"),
        C("r0 = *(u16 *)skb[12]", A.LoadAbs(SizeCode.H, 12), "28 00 00 00 0c 00 00 00"),
        C("r0 = *(u32 *)skb[26]", A.LoadAbs(SizeCode.W, 26), "20 00 00 00 1a 00 00 00"),
        C("r0 = *(u8 *)skb[r3]", A.LoadInd(SizeCode.B, R3, 0), "50 30 00 00 00 00 00 00"),
        C("r0 = *(u16 *)skb[r3]", A.LoadInd(SizeCode.H, R3, 2), "48 30 00 00 02 00 00 00"),
        C("r0 = *(u32 *)skb[r3]", A.LoadInd(SizeCode.W, R3, 4), "40 30 00 00 04 00 00 00"),

        // Atomics. 64-bit ones LLVM 14 prints everywhere; 32-bit ones other than plain add only with +alu32.
        C("lock *(u64 *)(r1 + 0) += r2", A.Atomic(SizeCode.DW, R1, 0, R2, AtomicOp.Add), "db 21 00 00 00 00 00 00"),
        C("lock *(u64 *)(r1 + 8) |= r2", A.Atomic(SizeCode.DW, R1, 8, R2, AtomicOp.Or), "db 21 08 00 40 00 00 00"),
        C("lock *(u64 *)(r1 + 0) &= r2", A.Atomic(SizeCode.DW, R1, 0, R2, AtomicOp.And), "db 21 00 00 50 00 00 00"),
        C("lock *(u64 *)(r1 + 0) ^= r2", A.Atomic(SizeCode.DW, R1, 0, R2, AtomicOp.Xor), "db 21 00 00 a0 00 00 00"),
        C("r2 = atomic_fetch_add((u64 *)(r1 + 0), r2)", A.Atomic(SizeCode.DW, R1, 0, R2, AtomicOp.Add | AtomicOp.Fetch), "db 21 00 00 01 00 00 00"),
        C("r2 = atomic_fetch_or((u64 *)(r1 + 0), r2)", A.Atomic(SizeCode.DW, R1, 0, R2, AtomicOp.Or | AtomicOp.Fetch), "db 21 00 00 41 00 00 00"),
        C("r2 = atomic_fetch_and((u64 *)(r1 + 0), r2)", A.Atomic(SizeCode.DW, R1, 0, R2, AtomicOp.And | AtomicOp.Fetch), "db 21 00 00 51 00 00 00"),
        C("r2 = atomic_fetch_xor((u64 *)(r1 - 8), r2)", A.Atomic(SizeCode.DW, R1, -8, R2, AtomicOp.Xor | AtomicOp.Fetch), "db 21 f8 ff a1 00 00 00"),
        C("r2 = xchg_64(r1 + 0, r2)", A.Atomic(SizeCode.DW, R1, 0, R2, AtomicOp.Xchg), "db 21 00 00 e1 00 00 00"),
        C("r0 = cmpxchg_64(r1 + 0, r0, r2)", A.Atomic(SizeCode.DW, R1, 0, R2, AtomicOp.CmpXchg), "db 21 00 00 f1 00 00 00"),
        C("lock *(u32 *)(r1 + 0) += r2", A.Atomic(SizeCode.W, R1, 0, R2, AtomicOp.Add), "c3 21 00 00 00 00 00 00", alu32: "lock *(u32 *)(r1 + 0) += w2"),
        C("lock *(u32 *)(r1 + 0) |= w2", A.Atomic(SizeCode.W, R1, 0, R2, AtomicOp.Or), "c3 21 00 00 40 00 00 00", llvm14: false),
        C("lock *(u32 *)(r1 + 0) &= w2", A.Atomic(SizeCode.W, R1, 0, R2, AtomicOp.And), "c3 21 00 00 50 00 00 00", llvm14: false),
        C("lock *(u32 *)(r1 + 0) ^= w2", A.Atomic(SizeCode.W, R1, 0, R2, AtomicOp.Xor), "c3 21 00 00 a0 00 00 00", llvm14: false),
        C("w2 = atomic_fetch_add((u32 *)(r1 + 0), w2)", A.Atomic(SizeCode.W, R1, 0, R2, AtomicOp.Add | AtomicOp.Fetch), "c3 21 00 00 01 00 00 00", llvm14: false),
        C("w2 = atomic_fetch_or((u32 *)(r1 + 0), w2)", A.Atomic(SizeCode.W, R1, 0, R2, AtomicOp.Or | AtomicOp.Fetch), "c3 21 00 00 41 00 00 00", llvm14: false),
        C("w2 = atomic_fetch_and((u32 *)(r1 + 0), w2)", A.Atomic(SizeCode.W, R1, 0, R2, AtomicOp.And | AtomicOp.Fetch), "c3 21 00 00 51 00 00 00", llvm14: false),
        C("w2 = atomic_fetch_xor((u32 *)(r1 + 0), w2)", A.Atomic(SizeCode.W, R1, 0, R2, AtomicOp.Xor | AtomicOp.Fetch), "c3 21 00 00 a1 00 00 00", llvm14: false),
        C("w2 = xchg32_32(r1 + 0, w2)", A.Atomic(SizeCode.W, R1, 0, R2, AtomicOp.Xchg), "c3 21 00 00 e1 00 00 00", llvm14: false),
        C("w0 = cmpxchg32_32(r1 + 0, w0, w2)", A.Atomic(SizeCode.W, R1, 0, R2, AtomicOp.CmpXchg), "c3 21 00 00 f1 00 00 00", llvm14: false),

        // 64-bit immediates and their pseudo forms.
        Wide("r1 = 8031924123371070792 ll", A.LoadImm64(R1, 8031924123371070792), "18 01 00 00 48 65 6c 6c 00 00 00 00 6f 20 77 6f"),
        Wide("r2 = -1 ll", A.LoadImm64(R2, -1), "18 02 00 00 ff ff ff ff 00 00 00 00 ff ff ff ff"),
        Wide("ld_pseudo\tr1, 1, 3", A.LoadMapFd(R1, 3), "18 11 00 00 03 00 00 00 00 00 00 00 00 00 00 00"),
        Wide("ld_pseudo\tr1, 2, 4", A.LoadMapValue(R1, 4, 16), "18 21 00 00 04 00 00 00 00 00 00 00 10 00 00 00"),
        Wide("ld_pseudo\tr3, 3, 777", A.LoadBtfId(R3, 777), "18 33 00 00 09 03 00 00 00 00 00 00 00 00 00 00"),
        Wide("ld_pseudo\tr2, 4, 5", A.LoadFunc(R2, 5), "18 42 00 00 05 00 00 00 00 00 00 00 00 00 00 00"),
        Wide("ld_pseudo\tr1, 5, 0", A.LoadMapIdx(R1, 0), "18 51 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
        Wide("ld_pseudo\tr1, 6, 2", A.LoadMapIdxValue(R1, 2, 8), "18 61 00 00 02 00 00 00 00 00 00 00 08 00 00 00"),
    };

    /// <summary>Encodings the kernel rejects; objdump and we print them as unknown.</summary>
    public static readonly Instruction[] Invalid =
    {
        new(0x8f, R1, R2, 0, 0),   // NEG with a register source
        new(0xdf, R1, 0, 0, 16),   // ALU64|X|END
        new(0x0d, 0, 0, 1, 0),     // JA with a register source
        new(0x95, 0, 0, 0, 1),     // exit with an immediate
        new(0x38, 0, 0, 0, 1),     // LD_ABS of 64 bits
        new(0xc3, R1, R2, 0, 0x10),// atomic SUB does not exist
        new(0xd3, R1, R2, 0, 0),   // 8-bit atomic
    };
}
