using BpfSharp.Asm;
using A = BpfSharp.Asm.Asm;

namespace BpfSharp.Generator.Tests.Asm;

/// <summary>
/// The disassembler's verifier notation, which compiler listings use: the kernel log's memory operands and local
/// calls, everything else as objdump prints it.
/// </summary>
public class VerifierNotationTests
{
    private static string V(Instruction insn, Instruction? next = null) => Disassembler.Format(insn, next, notation: DisassemblyNotation.Verifier);

    [Fact]
    public void Memory_operands_are_written_as_the_verifier_log_writes_them()
    {
        Assert.Equal("*(u32 *)(r10 -16) = 1", V(A.StoreImm(SizeCode.W, Register.R10, -16, 1)));
        Assert.Equal("r1 = *(u64 *)(r2 +8)", V(A.LoadMem(SizeCode.DW, Register.R1, Register.R2, 8)));
        Assert.Equal("*(u8 *)(r1 +0) = r3", V(A.StoreMem(SizeCode.B, Register.R1, 0, Register.R3)));
        Assert.Equal("lock *(u64 *)(r1 +0) += r2", V(A.Atomic(SizeCode.DW, Register.R1, 0, Register.R2, AtomicOp.Add)));
        // The same instructions in objdump's spelling.
        Assert.Equal("*(u32 *)(r10 - 16) = 1", Disassembler.Format(A.StoreImm(SizeCode.W, Register.R10, -16, 1)));
    }

    [Fact]
    public void Local_calls_are_relative_to_the_pc_and_helper_calls_are_numbers()
    {
        Assert.Equal("call pc-1", V(A.CallLocal(-1)));
        Assert.Equal("call pc+5", V(A.CallLocal(5)));
        Assert.Equal("call 6", V(A.Call(6)));
        Assert.Equal("call -1", Disassembler.Format(A.CallLocal(-1)));
    }

    [Fact]
    public void A_map_load_before_relocation_prints_its_value()
    {
        var (first, second) = A.LoadMapFd(Register.R1, 0);
        Assert.Equal("r1 = 0 ll", V(first, second));
        Assert.StartsWith("ld_pseudo", Disassembler.Format(first, second));
    }
}
