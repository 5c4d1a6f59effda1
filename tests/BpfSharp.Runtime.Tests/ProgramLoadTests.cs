using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime.Tests;

public sealed class ProgramLoadTests
{
    [KernelFact]
    public void Info_reports_what_the_kernel_stored()
    {
        Kernel.Require();
        var code = TestPrograms.Straight(9); // 10 instructions
        using var program = BpfProgram.Load(ProgramType.SocketFilter, code, "GPL", "info_check");

        var info = program.Info;

        Assert.Equal(ProgramType.SocketFilter, info.Type);
        Assert.Equal("info_check", info.Name);
        Assert.Equal((uint)code.Length, info.XlatedLength);
        Assert.Equal(10u, info.VerifiedInstructions);
        Assert.True(info.Id > 0);
        Assert.True(info.GplCompatible);
        Assert.Equal(16, info.Tag.Length);
        Assert.True(info.JitedLength > 0, "the test VM has the JIT enabled");
    }

    [KernelFact]
    public void Names_are_sanitized_and_truncated_to_what_the_kernel_accepts()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.Return(0), "GPL", "a-very-long-program-name");

        Assert.Equal("a_very_long_pro", program.Name);
        Assert.Equal("a_very_long_pro", program.Info.Name);
    }

    [KernelFact]
    public void Non_gpl_license_is_recorded()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.Return(0), "Proprietary", "non_gpl");

        Assert.False(program.Info.GplCompatible);
    }

    [KernelFact]
    public void Uninitialized_register_read_is_rejected_with_the_verifier_log()
    {
        Kernel.Require();

        var error = Assert.Throws<BpfVerifierException>(() =>
            BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.ReadsUninitializedRegister(), "GPL", "bad_read"));

        Assert.Contains("R2 !read_ok", error.Log);
        Assert.Contains("R2 !read_ok", error.Message);
        Assert.Equal("BPF_PROG_LOAD", error.Command);
        Assert.Equal("EACCES", error.ErrnoName);
        Assert.Equal("bad_read", error.ObjectName);
    }

    [KernelFact]
    public void Missing_exit_is_rejected_with_the_verifier_log()
    {
        Kernel.Require();

        var error = Assert.Throws<BpfVerifierException>(() =>
            BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.NoExit(), "GPL", "no_exit"));

        Assert.Contains("last insn is not an exit or jmp", error.Log);
    }

    [KernelFact]
    public void Log_is_absent_unless_asked_for()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.Return(0), "GPL", "no_log");

        Assert.Null(program.VerifierLog);
    }

    [KernelFact]
    public void Requested_log_grows_past_a_tiny_initial_buffer()
    {
        Kernel.Require();
        // Level 1 keeps only a failing path's log; level 2 keeps everything, so a good program produces a big log.
        var options = new ProgramLoadOptions { LogLevel = VerifierLogLevel.Basic | VerifierLogLevel.Verbose, InitialLogSize = 128 };

        using var program = BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.Straight(300), "GPL", "big_log", options);

        Assert.NotNull(program.VerifierLog);
        Assert.True(program.VerifierLog.Length > 128, $"log was {program.VerifierLog.Length} bytes");
        // The first and the last instruction and the summary are all there: nothing was cut off at either end.
        Assert.Contains("0: (b7) r0 = 0", program.VerifierLog);
        Assert.Contains("299: (b7) r0 = 299", program.VerifierLog);
        Assert.Contains("processed 301 insns", program.VerifierLog);
    }

    [KernelFact]
    public void Rejection_log_is_complete_even_from_a_tiny_initial_buffer()
    {
        Kernel.Require();
        var code = TestPrograms.StraightThenReadUninitialized(300);
        var options = new ProgramLoadOptions { LogLevel = VerifierLogLevel.Basic, InitialLogSize = 128 };

        var error = Assert.Throws<BpfVerifierException>(() =>
            BpfProgram.Load(ProgramType.SocketFilter, code, "GPL", "big_reject", options));

        Assert.Contains("0: (b7) r0 = 0", error.Log);
        Assert.Contains("299: (b7) r0 = 299", error.Log);
        Assert.Contains("R2 !read_ok", error.Log);
    }

    [Fact]
    public void Log_buffer_grows_to_the_kernel_hint_or_fourfold_and_never_past_the_limit()
    {
        Assert.Equal(4096u, LoggedLoad.NextLogSize(1024, 4096));
        Assert.Equal(4096u, LoggedLoad.NextLogSize(1024, 0));
        Assert.Equal(LoggedLoad.MaxLogSize, LoggedLoad.NextLogSize(LoggedLoad.MaxLogSize / 2, 0));
        Assert.Equal(LoggedLoad.MaxLogSize, LoggedLoad.NextLogSize(1024, uint.MaxValue));
    }

    [Fact]
    public void Code_must_be_whole_instructions()
    {
        Assert.Throws<ArgumentException>(() => BpfProgram.Load(ProgramType.SocketFilter, new byte[12]));
        Assert.Throws<ArgumentException>(() => BpfProgram.Load(ProgramType.SocketFilter, ReadOnlySpan<byte>.Empty));
    }
}
