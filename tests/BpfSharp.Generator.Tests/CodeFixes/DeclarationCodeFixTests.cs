using BpfSharp.CodeFixes;

namespace BpfSharp.Tests.CodeFixes;

/// <summary>Fixes to declarations the generator refuses: the program class, a program's signature, a map field.</summary>
public class DeclarationCodeFixTests
{
    [Fact]
    public async Task Program_class_becomes_static_partial()
    {
        string fixedSource = await CodeFixHarness.FixAll(new ProgramClassCodeFix(), "BPF0002", """
            using BpfSharp;

            public class Hello
            {
                [BpfProgram, RawTracepoint("sys_enter")]
                public static int Run(RawTracepointContext ctx) => 0;
            }
            """);
        Assert.Contains("public static partial class Hello", fixedSource);
        Assert.Empty(CodeFixHarness.AllDiagnostics(fixedSource));
    }

    [Fact]
    public async Task Enclosing_class_becomes_partial_and_keeps_its_comment()
    {
        string fixedSource = await CodeFixHarness.FixAll(new ProgramClassCodeFix(), "BPF0002", """
            using BpfSharp;

            // Holds the programs.
            static class Outer
            {
                public static unsafe partial class Hello
                {
                    [BpfProgram, RawTracepoint("sys_enter")]
                    public static int Run(RawTracepointContext ctx) => 0;
                }
            }
            """);
        Assert.Contains("// Holds the programs.\nstatic partial class Outer", fixedSource.Replace("\r", ""));
        Assert.Empty(CodeFixHarness.AllDiagnostics(fixedSource));
    }

    [Fact]
    public async Task Xdp_program_gets_its_return_type_and_static()
    {
        string fixedSource = await CodeFixHarness.FixAll(new ProgramSignatureCodeFix(), "BPF0004", """
            using BpfSharp;

            public static partial class Filter
            {
                [BpfProgram, Xdp]
                public int Run(XdpContext ctx)
                {
                    return (int)XdpAction.Pass;
                }
            }
            """);
        Assert.Contains("public static XdpAction Run(XdpContext ctx)", fixedSource);
        // The body is the user's to change: the cast now needs to go the other way.
        Assert.Contains(CodeFixHarness.AllDiagnostics(fixedSource), d => d.Id == "CS0266");
        Assert.DoesNotContain(CodeFixHarness.AllDiagnostics(fixedSource), d => d.Id.StartsWith("BPF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_context_type_and_missing_context_are_fixed()
    {
        string fixedSource = await CodeFixHarness.FixAll(new ProgramSignatureCodeFix(), "BPF0004", """
            using BpfSharp;

            public static partial class Probe
            {
                [BpfProgram, RawTracepoint("sys_enter")]
                public static long Enter(XdpContext args) => 0;

                [BpfProgram, RawTracepoint("sys_exit")]
                public static int Exit() => 0;
            }
            """);
        Assert.Contains("public static int Enter(RawTracepointContext args) => 0;", fixedSource);
        Assert.Contains("public static int Exit(RawTracepointContext ctx) => 0;", fixedSource);
        Assert.Empty(CodeFixHarness.AllDiagnostics(fixedSource));
    }

    [Fact]
    public async Task Map_field_becomes_static_readonly()
    {
        string fixedSource = await CodeFixHarness.FixAll(new MapFieldCodeFix(), "BPF0150", """
            using BpfSharp;

            public static partial class Counter
            {
                static HashMap<uint, ulong> Counts = new(maxEntries: 64);
                private static ArrayMap<ulong> Totals = new(maxEntries: 4);

                [BpfProgram, RawTracepoint("sys_enter")]
                public static int Run(RawTracepointContext ctx) => 0;
            }
            """);
        Assert.Contains("    static readonly HashMap<uint, ulong> Counts", fixedSource);
        Assert.Contains("    private static readonly ArrayMap<ulong> Totals", fixedSource);
        Assert.Empty(CodeFixHarness.AllDiagnostics(fixedSource));
    }
}
