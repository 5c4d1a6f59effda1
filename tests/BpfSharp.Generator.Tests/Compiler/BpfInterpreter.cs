using BpfSharp.Asm;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>
/// A small eBPF interpreter for checking the compiler's arithmetic and control flow against the CLR in
/// milliseconds. It follows the kernel's semantics (x/0 = 0, x%0 = x, 32-bit ops zero the upper half,
/// cpu v4 sign-extending moves and loads, signed division); memory is one frame of stack.
/// </summary>
internal sealed class BpfInterpreter
{
    private const ulong StackTop = 0x1000_0000;
    private readonly byte[] _stack = new byte[512 * 8];
    public List<string> Trace { get; } = new();

    public Func<int, ulong[], ulong> Helper { get; set; } = (id, _) => 0;

    public int Steps { get; private set; }

    public ulong Run(Instruction[] code, params ulong[] args)
    {
        var r = new ulong[11];
        for (int i = 0; i < args.Length; i++) r[1 + i] = args[i];
        r[10] = StackTop;
        return Execute(code, r);
    }

    /// <summary>A program followed by its subprograms, with BPF-to-BPF call offsets patched as the loader does.</summary>
    public static Instruction[] Link(BpfSharp.Generator.Compiler.CompiledFunction main, IEnumerable<BpfSharp.Generator.Compiler.CompiledFunction> subprograms)
    {
        var all = new[] { main }.Concat(subprograms).ToList();
        var start = new Dictionary<string, int>();
        int at = 0;
        foreach (var f in all) { start[f.Name] = at; at += f.Code.Length; }
        var code = all.SelectMany(f => f.Code).ToArray();
        foreach (var f in all)
            foreach (var rel in f.Relocations)
            {
                int slot = start[f.Name] + rel.Slot;
                code[slot] = code[slot] with { Imm = start[rel.Symbol] - (slot + 1) };
            }
        return code;
    }

    private ulong Execute(Instruction[] code, ulong[] r)
    {
        int pc = 0;
        var frames = new Stack<(int ReturnPc, ulong R6, ulong R7, ulong R8, ulong R9, ulong R10)>();
        while (true)
        {
            if (++Steps > 1_000_000) throw new InvalidOperationException("step limit");
            var i = code[pc++];
            var cls = i.Class;
            bool x = (i.OpCode & 0x08) != 0;
            switch (cls)
            {
                case InstructionClass.Alu64:
                case InstructionClass.Alu:
                {
                    bool w64 = cls == InstructionClass.Alu64;
                    ulong src = x ? r[(int)i.Src] : (ulong)(long)i.Imm;
                    ulong dst = r[(int)i.Dst];
                    var op = (AluOp)(i.OpCode & 0xf0);
                    ulong result = op == AluOp.End && !w64
                        ? (x ? Swap(dst, i.Imm) : i.Imm == 64 ? dst : dst & ((1UL << i.Imm) - 1))
                        : w64 ? Alu64(op, dst, op == AluOp.End ? (ulong)i.Imm : src, i.Offset, x, r[(int)i.Src]) : Alu32(op, (uint)dst, (uint)src, i.Offset);
                    r[(int)i.Dst] = result;
                    break;
                }
                case InstructionClass.Jmp:
                case InstructionClass.Jmp32:
                {
                    var op = (JumpOp)(i.OpCode & 0xf0);
                    if (op == JumpOp.Exit)
                    {
                        if (frames.Count == 0) return r[0];
                        var frame = frames.Pop();
                        (pc, r[6], r[7], r[8], r[9], r[10]) = frame;
                        break;
                    }
                    if (op == JumpOp.Call)
                    {
                        if (i.Src == PseudoSource.LocalCall)
                        {
                            if (frames.Count >= 7) throw new InvalidOperationException("call depth");
                            frames.Push((pc, r[6], r[7], r[8], r[9], r[10]));
                            r[10] -= 512;
                            pc += i.Imm;
                            break;
                        }
                        r[0] = CallHelper(i.Imm, r);
                        for (int k = 1; k <= 5; k++) r[k] = 0xdead_0000_0000_0000UL + (ulong)k;
                        break;
                    }
                    if (op == JumpOp.Ja)
                    {
                        pc += cls == InstructionClass.Jmp32 ? i.Imm : i.Offset;
                        break;
                    }
                    ulong a = r[(int)i.Dst], b = x ? r[(int)i.Src] : (ulong)(long)i.Imm;
                    if (cls == InstructionClass.Jmp32) { a = (uint)a; b = (uint)b; }
                    long sa = cls == InstructionClass.Jmp32 ? (int)a : (long)a, sb = cls == InstructionClass.Jmp32 ? (int)b : (long)b;
                    bool taken = op switch
                    {
                        JumpOp.Jeq => a == b, JumpOp.Jne => a != b, JumpOp.Jgt => a > b, JumpOp.Jge => a >= b,
                        JumpOp.Jlt => a < b, JumpOp.Jle => a <= b, JumpOp.Jset => (a & b) != 0,
                        JumpOp.Jsgt => sa > sb, JumpOp.Jsge => sa >= sb, JumpOp.Jslt => sa < sb, JumpOp.Jsle => sa <= sb,
                        _ => throw new InvalidOperationException($"jump op {op}"),
                    };
                    if (taken) pc += i.Offset;
                    break;
                }
                case InstructionClass.Ld when i.IsWide:
                    r[(int)i.Dst] = (uint)i.Imm | ((ulong)(uint)code[pc++].Imm << 32);
                    break;
                case InstructionClass.Ldx:
                {
                    int size = SizeOf(i);
                    ulong v = Read(r[(int)i.Src] + (ulong)(long)i.Offset, size);
                    if ((i.OpCode & 0xe0) == (byte)ModeCode.MemSx)
                        v = size switch { 1 => (ulong)(sbyte)v, 2 => (ulong)(short)v, _ => (ulong)(int)v };
                    r[(int)i.Dst] = v;
                    break;
                }
                case InstructionClass.St:
                    Write(r[(int)i.Dst] + (ulong)(long)i.Offset, SizeOf(i), (ulong)(long)i.Imm);
                    break;
                case InstructionClass.Stx:
                    Write(r[(int)i.Dst] + (ulong)(long)i.Offset, SizeOf(i), r[(int)i.Src]);
                    break;
                default:
                    throw new InvalidOperationException($"opcode 0x{i.OpCode:x2}");
            }
        }
    }

    private ulong CallHelper(int id, ulong[] r)
    {
        if (id == 6)
        {
            int len = (int)r[2];
            var fmt = new byte[len - 1];
            for (int k = 0; k < fmt.Length; k++) fmt[k] = (byte)Read(r[1] + (ulong)k, 1);
            string line = BpfClr.FormatPrintk(System.Text.Encoding.UTF8.GetString(fmt), new[] { r[3], r[4], r[5] });
            Trace.Add(line);
            return (ulong)line.Length;
        }
        return Helper(id, new[] { r[1], r[2], r[3], r[4], r[5] });
    }

    private static ulong Alu64(AluOp op, ulong dst, ulong src, short offset, bool x, ulong srcReg) => op switch
    {
        AluOp.Add => dst + src, AluOp.Sub => dst - src, AluOp.Mul => dst * src,
        AluOp.Div when offset == 1 => (long)src == 0 ? 0 : (long)src == -1 ? (ulong)(-(long)dst) : (ulong)((long)dst / (long)src),
        AluOp.Div => src == 0 ? 0 : dst / src,
        AluOp.Mod when offset == 1 => (long)src == 0 ? dst : (long)src == -1 ? 0 : (ulong)((long)dst % (long)src),
        AluOp.Mod => src == 0 ? dst : dst % src,
        AluOp.Or => dst | src, AluOp.And => dst & src, AluOp.Xor => dst ^ src,
        AluOp.Lsh => dst << (int)(src & 63), AluOp.Rsh => dst >> (int)(src & 63), AluOp.Arsh => (ulong)((long)dst >> (int)(src & 63)),
        AluOp.Neg => (ulong)(-(long)dst),
        AluOp.End => Swap(dst, (int)src),
        AluOp.Mov when offset == 0 => src,
        AluOp.Mov => offset switch { 8 => (ulong)(sbyte)srcReg, 16 => (ulong)(short)srcReg, _ => (ulong)(int)srcReg },
        _ => throw new InvalidOperationException($"alu64 {op}"),
    };

    private static ulong Alu32(AluOp op, uint dst, uint src, short offset) => op switch
    {
        AluOp.Add => dst + src, AluOp.Sub => dst - src, AluOp.Mul => dst * src,
        AluOp.Div when offset == 1 => (int)src == 0 ? 0 : (int)src == -1 ? (uint)(-(int)dst) : (uint)((int)dst / (int)src),
        AluOp.Div => src == 0 ? 0 : dst / src,
        AluOp.Mod when offset == 1 => (int)src == 0 ? dst : (int)src == -1 ? 0 : (uint)((int)dst % (int)src),
        AluOp.Mod => src == 0 ? dst : dst % src,
        AluOp.Or => dst | src, AluOp.And => dst & src, AluOp.Xor => dst ^ src,
        AluOp.Lsh => dst << (int)(src & 31), AluOp.Rsh => dst >> (int)(src & 31), AluOp.Arsh => (uint)((int)dst >> (int)(src & 31)),
        AluOp.Neg => (uint)(-(int)dst),
        AluOp.Mov when offset == 0 => src,
        AluOp.Mov => offset switch { 8 => (uint)(sbyte)src, _ => (uint)(short)src },
        _ => throw new InvalidOperationException($"alu32 {op}"),
    };

    /// <summary>The low <paramref name="bits"/> of <paramref name="v"/> byte-reversed, zero-extended.</summary>
    private static ulong Swap(ulong v, int bits)
    {
        ulong r = 0;
        for (int k = 0; k < bits / 8; k++, v >>= 8) r = (r << 8) | (v & 0xff);
        return r;
    }

    private static int SizeOf(Instruction i) => ((SizeCode)(i.OpCode & 0x18)) switch
    {
        SizeCode.B => 1, SizeCode.H => 2, SizeCode.W => 4, _ => 8,
    };

    private int Index(ulong address, int size)
    {
        long offset = (long)(address - (StackTop - (ulong)_stack.Length));
        if (offset < 0 || offset + size > _stack.Length) throw new InvalidOperationException($"access outside the stack at 0x{address:x}");
        return (int)offset;
    }

    /// <summary>Memory no frame reaches (the stack's far end), where a helper stand-in can put what it returns a pointer to.</summary>
    public ulong Scratch => StackTop - (ulong)_stack.Length;

    /// <summary>The bytes at <paramref name="address"/>, for a helper stand-in reading what a pointer argument points to.</summary>
    public byte[] ReadBytes(ulong address, int size) => _stack.AsSpan(Index(address, size), size).ToArray();

    public void WriteBytes(ulong address, byte[] bytes) => bytes.CopyTo(_stack.AsSpan(Index(address, bytes.Length)));

    private ulong Read(ulong address, int size)
    {
        int at = Index(address, size);
        ulong v = 0;
        for (int k = size - 1; k >= 0; k--) v = (v << 8) | _stack[at + k];
        return v;
    }

    private void Write(ulong address, int size, ulong value)
    {
        int at = Index(address, size);
        for (int k = 0; k < size; k++) _stack[at + k] = (byte)(value >> (8 * k));
    }
}
