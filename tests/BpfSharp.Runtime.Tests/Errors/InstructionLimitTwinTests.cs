namespace BpfSharp.Runtime.Tests.Errors;

/// <summary>
/// Twin of BPF0011: BPF_PROG_LOAD refuses one instruction over BPF_COMPLEXITY_LIMIT_INSNS with E2BIG before the
/// verifier runs (so there is no log), and loads exactly the limit. The programs are synthetic instruction
/// streams: the compiler cannot produce one that long in a test's time.
/// </summary>
public class InstructionLimitTwinTests
{
    private const int Limit = 1_000_000;

    [KernelFact]
    public void One_instruction_over_the_limit_is_E2BIG_without_a_log()
    {
        Kernel.Require();
        var code = TestPrograms.Straight(Limit); // Limit moves and an exit
        var ex = Assert.Throws<BpfException>(() => BpfProgram.Load(ProgramType.SocketFilter, code, "GPL", "too_long").Dispose());
        Assert.Equal("E2BIG", ex.ErrnoName);
        Assert.Equal("BPF_PROG_LOAD failed: Argument list too long (E2BIG): loading 'too_long': 1,000,001 instructions is more than the kernel accepts (1,000,000 with CAP_BPF, 4,096 without; BPF0011, BPF0012).", ex.Message);
    }

    [KernelFact]
    public void Exactly_the_limit_loads()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.Straight(Limit - 1), "GPL", "at_limit");
        Assert.Equal((uint)Limit, program.Info.VerifiedInstructions);
    }
}
