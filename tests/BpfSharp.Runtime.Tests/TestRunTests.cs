namespace BpfSharp.Runtime.Tests;

public sealed class TestRunTests
{
    private const uint XdpPass = 2;
    private const uint XdpDrop = 1;

    private static readonly byte[] EthernetFrame = new byte[64];

    [KernelFact]
    public void Xdp_program_returns_its_verdict_and_the_packet()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.Xdp, TestPrograms.Return((int)XdpPass), "GPL", "xdp_pass");

        var frame = EthernetFrame.ToArray();
        frame[0] = 0xaa;
        var result = program.TestRun(new TestRunOptions { Data = frame });

        Assert.Equal(XdpPass, result.ReturnValue);
        Assert.Equal(frame, result.Data);
    }

    [KernelFact]
    public void Xdp_drop_verdict_comes_back()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.Xdp, TestPrograms.Return((int)XdpDrop), "GPL", "xdp_drop");

        var result = program.TestRun(new TestRunOptions { Data = EthernetFrame });

        Assert.Equal(XdpDrop, result.ReturnValue);
    }

    [KernelFact]
    public void Repeat_runs_the_program_and_reports_average_duration()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.Xdp, TestPrograms.Straight(50), "GPL", "xdp_repeat");

        var result = program.TestRun(new TestRunOptions { Data = EthernetFrame, Repeat = 10_000 });

        Assert.Equal(49u, result.ReturnValue);
        Assert.InRange(result.DurationNanoseconds, 1u, 10_000_000u);
    }

    [KernelFact]
    public void Socket_filter_returns_its_value()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.Return(1234), "GPL", "skb_ret");

        var result = program.TestRun(new TestRunOptions { Data = EthernetFrame });

        Assert.Equal(1234u, result.ReturnValue);
    }

    [KernelFact]
    public void Raw_tracepoint_program_runs_without_packet()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.RawTracepoint, TestPrograms.Return(7), "GPL", "rawtp_ret");

        var result = program.TestRun(new TestRunOptions { Context = new byte[8] });

        Assert.Equal(7u, result.ReturnValue);
    }

    [KernelFact]
    public void Program_type_without_test_run_is_reported_as_not_supported()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.Tracepoint, TestPrograms.Return(0), "GPL", "tp_no_run");

        var error = Assert.Throws<BpfNotSupportedException>(() => program.TestRun());

        Assert.Contains("BPF_PROG_TEST_RUN", error.Message);
        Assert.Contains(KernelVersion.Release, error.Message);
    }
}
