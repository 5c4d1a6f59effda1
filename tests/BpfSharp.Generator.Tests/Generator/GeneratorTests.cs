using BpfSharp.Elf;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Tests.Generator;

public class GeneratorTests
{
    internal const string HelloWorld = """
        using BpfSharp;

        namespace Demo;

        public static partial class HelloWorld
        {
            [BpfProgram, RawTracepoint("sys_enter")]
            public static int SayHello(RawTracepointContext ctx)
            {
                Bpf.Printk("Hello world!\n");
                return 0;
            }
        }
        """;

    [Fact]
    public void HelloWorld_generates_code_that_compiles_without_diagnostics()
    {
        var (result, output) = GeneratorHarness.Run(HelloWorld);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(
            new[] { "Demo.HelloWorld.BpfObject.g.cs", "Demo.HelloWorld.Skeleton.g.cs" },
            result.Results.Single().GeneratedSources.Select(s => s.HintName).Order());
    }

    [Fact]
    public void HelloWorld_skeleton_matches_snapshot()
    {
        var (result, _) = GeneratorHarness.Run(HelloWorld);
        var skeleton = result.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".Skeleton.g.cs"));
        Snapshot.Match("HelloWorld.Skeleton", skeleton.SourceText.ToString());
    }

    [Fact]
    public void HelloWorld_object_has_libbpf_layout()
    {
        var (result, _) = GeneratorHarness.Run(HelloWorld);
        var elf = ElfFile.Parse(GeneratorHarness.ObjectOf(result, "HelloWorld"));

        var program = elf.FindSection("raw_tracepoint/sys_enter");
        Assert.NotNull(program);
        Assert.True(program!.Flags.HasFlag(ElfSectionFlags.ExecInstr));
        Assert.Equal("GPL\0", System.Text.Encoding.ASCII.GetString(elf.FindSection("license")!.Data));
        var symbol = Assert.Single(elf.Symbols, s => s.Name == "SayHello");
        Assert.Equal(ElfSymbolType.Func, symbol.Type);
        Assert.Equal(ElfSymbolBinding.Global, symbol.Binding);
        Assert.Equal((ulong)program.Data.Length, symbol.Size);
    }

    [Fact]
    public void HelloWorld_is_no_longer_than_clang()
    {
        var (result, _) = GeneratorHarness.Run(HelloWorld);
        var elf = ElfFile.Parse(GeneratorHarness.ObjectOf(result, "HelloWorld"));
        int slots = elf.FindSection("raw_tracepoint/sys_enter")!.Data.Length / 8;
        // clang -O2 -target bpf emits 13 instructions for the seed's bpf_printk("Hello world!\n").
        Assert.InRange(slots, 1, 13);
    }

    [Theory]
    [InlineData("public static class P { [BpfProgram, RawTracepoint(\"x\")] public static int F(RawTracepointContext c) => 0; }", "BPF0002")]
    [InlineData("public static partial class P { [BpfProgram] public static int F(RawTracepointContext c) => 0; }", "BPF0003")]
    [InlineData("public static partial class P { [BpfProgram, RawTracepoint(\"x\")] public static long F(RawTracepointContext c) => 0; }", "BPF0004")]
    [InlineData("public static partial class P { [BpfProgram, RawTracepoint(\"x\")] public static int F(int c) => 0; }", "BPF0004")]
    public void Program_declaration_errors_are_diagnostics(string source, string id)
    {
        var (result, _) = GeneratorHarness.Run("using BpfSharp;\n" + source);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.NotEqual(Location.None, diagnostic.Location);
    }

    [Fact]
    public void A_class_with_two_programs_compiles_once_into_one_object()
    {
        var (result, _) = GeneratorHarness.Run("""
            using BpfSharp;
            public static partial class Two
            {
                [BpfProgram, RawTracepoint("sys_enter")] public static int A(RawTracepointContext c) => 1;
                [BpfProgram, RawTracepoint("sys_exit")] public static int B(RawTracepointContext c) => 2;
            }
            """);
        Assert.Empty(result.Diagnostics);
        var elf = ElfFile.Parse(GeneratorHarness.ObjectOf(result, "Two"));
        Assert.NotNull(elf.FindSection("raw_tracepoint/sys_enter"));
        Assert.NotNull(elf.FindSection("raw_tracepoint/sys_exit"));
        Assert.Equal(2, result.Results.Single().GeneratedSources.Length);
    }
}
