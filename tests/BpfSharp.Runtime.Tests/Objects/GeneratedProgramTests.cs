using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Objects;

/// <summary>Programs compiled by the generator in this very project, loaded through their skeletons.</summary>
public static partial class Answers
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int FortyTwo(RawTracepointContext ctx) => 42;

    [BpfProgram, RawTracepoint("sys_exit")]
    public static int Seven(RawTracepointContext ctx)
    {
        Bpf.Printk("seven %d\n", 7);
        return 7;
    }
}

[Collection(SerialCollection.Name)]
public class GeneratedProgramTests
{
    [KernelFact]
    public void Skeleton_loads_every_program_and_test_runs_them()
    {
        Kernel.Require();
        using var answers = Answers.Load();

        Assert.Equal(42u, answers.FortyTwo.TestRun(new TestRunOptions { Context = new byte[8] }).ReturnValue);
        Assert.Equal(7u, answers.Seven.TestRun(new TestRunOptions { Context = new byte[8] }).ReturnValue);
        Assert.Equal("raw_tracepoint/sys_exit", answers.Seven.Spec!.Section);
        Assert.True(answers.Seven.Info.VerifiedInstructions > 0);
    }

    [KernelFact]
    public void The_clr_runs_the_same_method()
    {
        BpfClr.TraceLines.Clear();
        Assert.Equal(7, Answers.Seven(default));
        Assert.Equal("seven 7\n", Assert.Single(BpfClr.TraceLines));
    }

    [KernelFact]
    public void Disposing_the_skeleton_releases_every_descriptor()
    {
        Kernel.Require();
        // Warm up first: the runtime opens its own files (assemblies, /proc) once, lazily.
        using (var warm = Answers.Load())
            warm.AttachAll();
        // Earlier tests leave handles (process pipes, sockets) to the finalizer; close them now, not mid-count.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int before = Descriptors.CountAll();
        int bpfBefore = Descriptors.CountBpf();
        for (int i = 0; i < 200; i++)
        {
            using var answers = Answers.Load();
            answers.AttachAll();
        }
        Assert.Equal(bpfBefore, Descriptors.CountBpf());
        Assert.Equal(before, Descriptors.CountAll());
    }

    [Fact]
    public void A_bad_object_gives_an_error_that_says_what()
    {
        var ex = Assert.ThrowsAny<InvalidDataException>(() => BpfObject.Load(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 1 }));
        Assert.Contains("ELF", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
