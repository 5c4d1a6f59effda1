using BpfSharp.Asm;
using A = BpfSharp.Asm.Asm;

namespace BpfSharp.Generator.Tests.Asm;

/// <summary>Every opcode form: builder → bytes (checked against the spec's layout) → decode → same instruction and text.</summary>
public sealed class InstructionRoundTripTests
{
    public static TheoryData<string> Cases => new(InstructionCases.All.Select(c => c.Text));

    private static InstructionCase Find(string text) => InstructionCases.All.Single(c => c.Text == text);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encodes_to_the_expected_bytes(string text)
    {
        var c = Find(text);
        byte[] bytes = Instruction.Encode(c.Slots);
        Assert.Equal(c.Bytes, string.Join(" ", bytes.Select(b => b.ToString("x2"))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decodes_back_to_the_same_instructions(string text)
    {
        var c = Find(text);
        Assert.Equal(c.Slots, Instruction.Decode(Instruction.Encode(c.Slots)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Disassembles_to_objdump_text(string text)
    {
        var c = Find(text);
        var decoded = Instruction.Decode(Instruction.Encode(c.Slots));
        Instruction? next = decoded.Length > 1 ? decoded[1] : null;
        Assert.Equal(c.Text, Disassembler.Format(decoded[0], next));
        Assert.Equal(c.Alu32Text ?? c.Text, Disassembler.Format(decoded[0], next, alu32: true));
    }

    [Fact]
    public void Every_case_is_distinct()
    {
        Assert.Equal(InstructionCases.All.Length, InstructionCases.All.Select(c => c.Text).Distinct().Count());
        Assert.Equal(InstructionCases.All.Length, InstructionCases.All.Select(c => c.Bytes).Distinct().Count());
    }

    [Fact]
    public void Kernel_rejected_encodings_print_as_unknown()
    {
        foreach (var insn in InstructionCases.Invalid)
            Assert.Equal(Disassembler.Unknown, Disassembler.Format(insn));
    }

    [Fact]
    public void Wide_load_without_its_second_slot_is_unknown()
    {
        Assert.Equal(Disassembler.Unknown, Disassembler.Format(A.LoadImm64(Register.R1, 5).First));
    }

    [Fact]
    public void Builder_rejects_impossible_widths()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => A.ByteSwap(Register.R1, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => A.MovSx32(Register.R1, Register.R2, 32));
        Assert.Throws<ArgumentException>(() => A.Atomic(SizeCode.B, Register.R1, 0, Register.R2, AtomicOp.Add));
    }

    [Fact]
    public void Jump_targets_count_slots_from_the_next_instruction()
    {
        Assert.Equal(9, Disassembler.JumpTarget(A.Ja(5), 3));
        Assert.Equal(3, Disassembler.JumpTarget(A.Jump(JumpOp.Jeq, Register.R1, 0, -1), 3));
        Assert.Equal(104, Disassembler.JumpTarget(A.LongJa(100), 3));
        Assert.Null(Disassembler.JumpTarget(A.Call(1), 3));
        Assert.Null(Disassembler.JumpTarget(A.CallLocal(1), 3));
        Assert.Null(Disassembler.JumpTarget(A.Exit(), 3));
    }
}
