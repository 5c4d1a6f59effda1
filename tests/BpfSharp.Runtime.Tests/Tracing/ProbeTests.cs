namespace BpfSharp.Runtime.Tests.Tracing;

[Collection(SerialCollection.Name)]
public sealed class ProbeTests
{
    private static bool KernelHasKprobes => Directory.Exists("/sys/bus/event_source/devices/kprobe");

    [KernelFact]
    public void Kprobes_load_and_attach_or_say_the_kernel_lacks_kprobes()
    {
        Kernel.Require();
        int bpfBefore = Descriptors.CountBpf();
        using (var programs = KprobePrograms.Load())
        {
            Assert.Equal(ProgramType.Kprobe, programs.OnOpenat2.Spec!.Type);
            Assert.True(programs.OnOpenat2.Info.VerifiedInstructions > 0);
            foreach (var program in new[] { programs.OnOpenat2, programs.OnOpenat2Return })
            {
                if (KernelHasKprobes)
                {
                    using var link = program.Attach();
                    Assert.StartsWith("k", link.Description);
                    continue;
                }
                var error = Assert.Throws<BpfNotSupportedException>(() => program.Attach());
                Assert.Equal("kprobes", error.Feature);
                Assert.Contains(KernelVersion.Release, error.Message);
                Assert.Contains("kprobes", error.Message);
            }
        }
        Assert.Equal(bpfBefore, Descriptors.CountBpf());
    }

    [KernelFact]
    public void Perf_event_sampling_runs_on_at_least_one_cpu()
    {
        Kernel.Require();
        int bpfBefore = Descriptors.CountBpf();
        using var pipe = TracePipe.Open();
        using (var programs = PerfEventPrograms.Load())
        using (var link = programs.OnSample.AttachPerfEvent(PerfEventSpec.CpuClockAt(200)))
        {
            Assert.Matches(@"perf_event:CpuClock 200 Hz on \d+ cpu\(s\)", link.Description);
            var line = TraceWait.Until(pipe, l => l.Contains("bpfsharp-perf cpu ", StringComparison.Ordinal), () => Thread.SpinWait(1_000_000));

            Assert.NotNull(line);
            Assert.Matches(@"bpfsharp-perf cpu \d+ ip [0-9a-f]+", line);
        }
        Assert.Equal(bpfBefore, Descriptors.CountBpf());
    }

    [KernelFact]
    public void Fentry_and_fexit_load_and_attach_or_say_the_kernel_cannot()
    {
        Kernel.Require();
        int bpfBefore = Descriptors.CountBpf();
        FentryPrograms.Skeleton programs;
        try
        {
            programs = FentryPrograms.Load();
        }
        catch (BpfNotSupportedException error)
        {
            Assert.Equal("fentry/fexit", error.Feature);
            Assert.Contains(KernelVersion.Release, error.Message);
            Assert.Contains("do_sys_openat2", error.Message);
            Assert.Equal(bpfBefore, Descriptors.CountBpf());
            return;
        }
        using (programs)
        {
            Assert.Equal(ProgramType.Tracing, programs.OnEntry.Spec!.Type);
            foreach (var program in new[] { programs.OnEntry, programs.OnExit })
            {
                try
                {
                    using var link = program.Attach();
                    Assert.Contains("do_sys_openat2", link.Description);
                }
                catch (BpfNotSupportedException error)
                {
                    Assert.Equal("fentry/fexit", error.Feature);
                    Assert.Contains(KernelVersion.Release, error.Message);
                }
            }
        }
        Assert.Equal(bpfBefore, Descriptors.CountBpf());
    }
}
