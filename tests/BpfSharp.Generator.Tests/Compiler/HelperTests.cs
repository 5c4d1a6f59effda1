namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>Helper calls: ids, argument registers, results, and values kept across them.</summary>
public class HelperTests
{
    [Theory]
    [InlineData("Bpf.KtimeGetNs()", 5)]
    [InlineData("Bpf.GetCurrentPidTgid()", 14)]
    public void Helper_calls_use_their_ids(string call, int id)
    {
        var f = CompilerHarness.CompileProgram($"public static long Prog(long a) => (long){call};");
        Assert.Equal(new[] { $"call {id}", "exit" }, CompilerHarness.Listing(f));
    }

    [Theory]
    [InlineData("Bpf.GetPrandomU32()", 7)]
    [InlineData("Bpf.GetSmpProcessorId()", 8)]
    public void Helper_u32_results_are_truncated_once_so_the_verifier_knows_their_range(string call, int id)
    {
        var f = CompilerHarness.CompileProgram($"public static long Prog(long a) => {call};");
        Assert.Equal(new[] { $"call {id}", "w0 = w0", "exit" }, CompilerHarness.Listing(f));
    }

    [Fact]
    public void Printk_arguments_go_to_r3_to_r5_and_values_survive_the_call()
    {
        var f = CompilerHarness.CompileProgram("""
            public static long Prog(RawTracepointContext ctx)
            {
                ulong id = Bpf.GetCurrentPidTgid();
                uint pid = (uint)(id >> 32);
                Bpf.Printk("pid %d tid %d cpu %d\n", pid, (uint)id, Bpf.GetSmpProcessorId());
                return (long)id;
            }
            """);
        var interpreter = new BpfInterpreter
        {
            Helper = (helper, _) => helper switch { 14 => (1234UL << 32) | 1240, 8 => 3, _ => 0 },
        };
        ulong result = interpreter.Run(f.Code, 0);
        Assert.Equal((1234UL << 32) | 1240, result);
        Assert.Equal(new[] { "pid 1234 tid 1240 cpu 3\n" }, interpreter.Trace);
    }

    [Fact]
    public void Clr_twins_use_the_settable_inputs()
    {
        BpfClr.KtimeNs = 42;
        BpfClr.Pid = 7;
        BpfClr.Tgid = 5;
        BpfClr.ProcessorId = 1;
        Assert.Equal(42UL, Bpf.KtimeGetNs());
        Assert.Equal((5UL << 32) | 7, Bpf.GetCurrentPidTgid());
        Assert.Equal(1U, Bpf.GetSmpProcessorId());
        BpfClr.SeedRandom(1);
        uint first = Bpf.GetPrandomU32();
        BpfClr.SeedRandom(1);
        Assert.Equal(first, Bpf.GetPrandomU32());
    }
}
