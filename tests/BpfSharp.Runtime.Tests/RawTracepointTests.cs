namespace BpfSharp.Runtime.Tests;

[Collection(nameof(TracePipeCollection))]
public sealed class RawTracepointTests
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(10);

    [KernelFact]
    public void Printk_from_sys_enter_reaches_trace_pipe_until_the_link_is_disposed()
    {
        Kernel.Require();
        string marker = "bpfsharp-" + Guid.NewGuid().ToString("N")[..12];
        using var pipe = TracePipe.Open();
        using var program = BpfProgram.Load(ProgramType.RawTracepoint, TestPrograms.TracePrintk(marker), "GPL", "printk_marker");

        using (var link = program.AttachRawTracepoint("sys_enter"))
        {
            Assert.Equal("raw_tracepoint:sys_enter", link.Description);
            // Any syscall fires sys_enter; this test's own poll/read calls already do.
            var line = pipe.WaitFor(l => l.Contains(marker, StringComparison.Ordinal), ArrivalTimeout);

            Assert.NotNull(line);
            Assert.True(TracePipe.TryGetPrintkMessage(line, out var message));
            Assert.Equal(marker, message);
        }

        // Lines written before the detach may still be buffered; drain until the marker stops arriving.
        var drainDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (pipe.ReadFor(TimeSpan.FromMilliseconds(300)).Any(l => l.Contains(marker, StringComparison.Ordinal)))
            Assert.True(DateTime.UtcNow < drainDeadline, "the marker kept arriving after the link was disposed");

        File.ReadAllText("/proc/self/status"); // a few syscalls that would fire the program if it were attached
        var after = pipe.ReadFor(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(after, l => l.Contains(marker, StringComparison.Ordinal));
    }

    [KernelFact]
    public void Unknown_tracepoint_names_the_tracepoint()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.RawTracepoint, TestPrograms.Return(0), "GPL", "rawtp_none");

        var error = Assert.Throws<BpfException>(() => program.AttachRawTracepoint("no_such_tracepoint_bpfsharp"));

        Assert.Equal("BPF_RAW_TRACEPOINT_OPEN", error.Command);
        Assert.Equal("ENOENT", error.ErrnoName);
        Assert.Contains("no_such_tracepoint_bpfsharp", error.Message);
    }
}
