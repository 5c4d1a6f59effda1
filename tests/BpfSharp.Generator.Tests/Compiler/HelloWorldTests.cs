using BpfSharp.Generator.Compiler;

namespace BpfSharp.Generator.Tests.Compiler;

public class HelloWorldTests
{
    private const string HelloWorld = """
        [BpfProgram, RawTracepoint("sys_enter")]
        public static int ProgSayHello(RawTracepointContext ctx) { Bpf.Printk("Hello world!\n"); return 0; }
        """;

    [Fact]
    public void Compiles_to_immediate_stores_and_one_helper_call()
    {
        var f = CompilerHarness.CompileProgram(HelloWorld);

        // "Hello world!\n\0" is 14 bytes: three 4-byte and one 2-byte immediate store, little-endian.
        Assert.Equal(new[]
        {
            "*(u32 *)(r10 -16) = 1819043144",
            "*(u32 *)(r10 -12) = 1870078063",
            "*(u32 *)(r10 -8) = 560229490",
            "*(u16 *)(r10 -4) = 10",
            "r1 = r10",
            "r1 += -16",
            "w2 = 14",
            "call 6",
            "w0 = 0",
            "exit",
        }, CompilerHarness.Listing(f));
        Assert.Equal(16, f.StackSize);
        Assert.Empty(f.Relocations);
    }

    [Fact]
    public void Is_shorter_than_clang()
    {
        var f = CompilerHarness.CompileProgram(HelloWorld);
        Assert.True(f.Code.Length <= 10, $"{f.Code.Length} instructions");
    }

    [Fact]
    public void Records_one_line_per_statement()
    {
        var f = CompilerHarness.CompileProgram(HelloWorld);
        Assert.Equal(2, f.Lines.Count);
        Assert.Equal(0, f.Lines[0].Slot);
        Assert.Equal("Test.cs", f.Lines[0].File);
        Assert.Equal(4, f.Lines[0].Line);
        Assert.Contains("Bpf.Printk(\"Hello world!\\n\")", f.Lines[0].SourceText);
        Assert.Equal(8, f.Lines[1].Slot); // return 0: w0 = 0
    }
}
