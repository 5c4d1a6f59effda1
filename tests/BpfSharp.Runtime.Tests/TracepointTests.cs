namespace BpfSharp.Runtime.Tests;

[Collection(SerialCollection.Name)]
public sealed class TracepointTests
{
    [KernelFact]
    public void Printk_from_a_tracepoint_reaches_trace_pipe_until_the_link_is_disposed()
    {
        Kernel.Require();
        string marker = "bpfsharp-tp-" + Guid.NewGuid().ToString("N")[..12];
        using var pipe = TracePipe.Open();
        using var program = BpfProgram.Load(ProgramType.Tracepoint, TestPrograms.TracePrintk(marker), "GPL", "tp_marker");

        using (var link = program.AttachTracepoint("raw_syscalls", "sys_enter"))
        {
            Assert.Equal("tracepoint:raw_syscalls:sys_enter", link.Description);
            var line = pipe.WaitFor(l => l.Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            Assert.NotNull(line);
        }

        var drainDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (pipe.ReadFor(TimeSpan.FromMilliseconds(300)).Any(l => l.Contains(marker, StringComparison.Ordinal)))
            Assert.True(DateTime.UtcNow < drainDeadline, "the marker kept arriving after the link was disposed");
        File.ReadAllText("/proc/self/status");
        Assert.DoesNotContain(pipe.ReadFor(TimeSpan.FromSeconds(1)), l => l.Contains(marker, StringComparison.Ordinal));
    }

    [KernelFact]
    public void Unknown_tracepoint_is_not_supported_and_named()
    {
        Kernel.Require();
        using var program = BpfProgram.Load(ProgramType.Tracepoint, TestPrograms.Return(0), "GPL", "tp_none");

        var error = Assert.Throws<BpfNotSupportedException>(() => program.AttachTracepoint("bpfsharp", "no_such_event"));

        Assert.Contains("bpfsharp:no_such_event", error.Message);
    }
}
