using BpfSharp.CodeFixes;

namespace BpfSharp.Tests.CodeFixes;

/// <summary>Fixes to calls and arithmetic the generator refuses: Printk with too many arguments, checked arithmetic.</summary>
public class ExpressionCodeFixTests
{
    [Fact]
    public async Task Printk_with_five_arguments_becomes_two_calls()
    {
        string fixedSource = await CodeFixHarness.FixAll(new PrintkSplitCodeFix(), "BPF0005", """
            using BpfSharp;

            public static partial class Hello
            {
                [BpfProgram, RawTracepoint("sys_enter")]
                public static int Run(RawTracepointContext ctx)
                {
                    long id = (long)ctx.Arg(1);
                    Bpf.Printk("id=%lu a=%d b=%d 100%% c=%x d=%u\n", id, 1, 2, 3, 4);
                    return 0;
                }
            }
            """);
        Assert.True(fixedSource.Replace("\r", "").Contains("""
                    Bpf.Printk("id=%lu a=%d b=%d 100%% ", id, 1, 2);
                    Bpf.Printk("c=%x d=%u\n", 3, 4);
                    return 0;
            """.Replace("\r", ""), StringComparison.Ordinal), fixedSource);
        Assert.Empty(CodeFixHarness.AllDiagnostics(fixedSource));
    }

    [Theory]
    [InlineData("%d %d %d %d", new[] { "%d %d %d ", "%d" })]
    [InlineData("%pI4 %llx %5d %s|%c", new[] { "%pI4 %llx %5d ", "%s|%c" })]
    [InlineData("a %d", null)]
    [InlineData("%d %d %d %q", null)]
    public void Format_is_cut_after_every_third_conversion(string format, string[]? expected)
    {
        Assert.Equal(expected, PrintkSplitCodeFix.Split(format)?.ToArray());
    }

    [Fact]
    public async Task Printk_with_a_non_literal_format_is_not_offered_a_fix()
    {
        string source = """
            using BpfSharp;

            public static partial class Hello
            {
                const string Format = "%d %d %d %d\n";

                [BpfProgram, RawTracepoint("sys_enter")]
                public static int Run(RawTracepointContext ctx)
                {
                    Bpf.Printk(Format, 1, 2, 3, 4);
                    return 0;
                }
            }
            """;
        Assert.Equal(0, await CodeFixHarness.Offered(new PrintkSplitCodeFix(), "BPF0005", source));
    }

    [Fact]
    public async Task Checked_expression_and_block_become_unchecked()
    {
        string fixedSource = await CodeFixHarness.FixAll(new CheckedArithmeticCodeFix(), "BPF0009", """
            using BpfSharp;

            public static partial class Sum
            {
                [BpfProgram, RawTracepoint("sys_enter")]
                public static int Run(RawTracepointContext ctx)
                {
                    int a = (int)ctx.Arg(0);
                    int b = checked(a + 1);
                    checked
                    {
                        b *= 3;
                        b -= a;
                    }
                    return b;
                }
            }
            """);
        Assert.Contains("int b = unchecked(a + 1);", fixedSource);
        Assert.Contains("unchecked\n        {\n            b *= 3;", fixedSource.Replace("\r", ""));
        Assert.Empty(CodeFixHarness.AllDiagnostics(fixedSource));
    }
}
