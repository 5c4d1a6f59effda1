using System.Buffers.Binary;
using System.Text;
using BpfSharp.Asm;

namespace BpfSharp.Runtime.Tests;

/// <summary>Hand-assembled programs, so runtime tests do not depend on the compiler.</summary>
internal static class TestPrograms
{
    public static byte[] Return(int value) => Instruction.Encode([Asm.Asm.Mov64(Register.R0, value), Asm.Asm.Exit()]);

    /// <summary>A long straight line of moves, for a verifier log bigger than any small buffer.</summary>
    public static byte[] Straight(int moves)
    {
        var code = new List<Instruction>();
        for (int i = 0; i < moves; i++)
            code.Add(Asm.Asm.Mov64(Register.R0, i));
        code.Add(Asm.Asm.Exit());
        return Instruction.Encode(code.ToArray());
    }

    /// <summary>A long straight line, then the uninitialized read: a rejection with a big log.</summary>
    public static byte[] StraightThenReadUninitialized(int moves)
    {
        var code = new List<Instruction>();
        for (int i = 0; i < moves; i++)
            code.Add(Asm.Asm.Mov64(Register.R0, i));
        code.Add(Asm.Asm.Mov64(Register.R0, Register.R2));
        code.Add(Asm.Asm.Exit());
        return Instruction.Encode(code.ToArray());
    }

    /// <summary>Reads r2, which nothing has written: the verifier must reject it with "R2 !read_ok".</summary>
    public static byte[] ReadsUninitializedRegister() =>
        Instruction.Encode([Asm.Asm.Mov64(Register.R0, Register.R2), Asm.Asm.Exit()]);

    /// <summary>Falls off the end without an exit.</summary>
    public static byte[] NoExit() => Instruction.Encode([Asm.Asm.Mov64(Register.R0, 0)]);

    /// <summary>
    /// bpf_trace_printk(fmt, sizeof(fmt)) with <paramref name="message"/> built on the stack 8 bytes at a time;
    /// returns 0.
    /// </summary>
    public static byte[] TracePrintk(string message)
    {
        var text = Encoding.ASCII.GetBytes(message + "\n");
        int size = text.Length + 1; // NUL-terminated
        int padded = (size + 7) / 8 * 8;
        var bytes = new byte[padded];
        text.CopyTo(bytes, 0);

        var code = new List<Instruction>();
        for (int offset = 0; offset < padded; offset += 8)
        {
            long chunk = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(offset));
            var (first, second) = Asm.Asm.LoadImm64(Register.R1, chunk);
            code.Add(first);
            code.Add(second);
            code.Add(Asm.Asm.StoreMem(SizeCode.DW, Register.R10, (short)(offset - padded), Register.R1));
        }
        code.Add(Asm.Asm.Mov64(Register.R1, Register.R10));
        code.Add(Asm.Asm.Alu64(AluOp.Add, Register.R1, -padded));
        code.Add(Asm.Asm.Mov64(Register.R2, size));
        code.Add(Asm.Asm.Call(6)); // bpf_trace_printk
        code.Add(Asm.Asm.Mov64(Register.R0, 0));
        code.Add(Asm.Asm.Exit());
        return Instruction.Encode(code.ToArray());
    }
}
