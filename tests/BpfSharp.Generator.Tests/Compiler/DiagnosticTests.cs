using BpfSharp.Generator.Compiler;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>Code outside the subset gives diagnostics at the right place, and the compiler never throws.</summary>
public class DiagnosticTests
{
    private static (string Id, int Line, string Text)[] Diagnose(string members)
    {
        var result = CompilerHarness.CompileClass(members);
        Assert.Empty(result.Programs);
        return result.Diagnostics.Select(d => (d.Id, d.Location is null ? -1 : d.Location.LineSpan.Start.Line + 1,
            d.Location is null ? "" : CompilerHarness.Source(members).Substring(d.Location.Span.Start, d.Location.Span.Length))).ToArray();
    }

    [Fact]
    public void Unsupported_expression_is_reported_at_its_location()
    {
        var d = Assert.Single(Diagnose("""
            public static int Prog(int a)
            {
                object o = new object();
                return a;
            }
            """));
        Assert.Equal("BPF0001", d.Id);
        Assert.Equal(5, d.Line);
        Assert.Contains("o = new object()", d.Text);
    }

    [Fact]
    public void Every_unsupported_construct_is_reported_not_just_the_first()
    {
        var diagnostics = Diagnose("""
            public static int Prog(int a)
            {
                try { a++; } finally { a--; }
                string s = a.ToString();
                return a;
            }
            """);
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("BPF0001", d.Id));
    }

    [Fact]
    public void Loops_without_a_provable_bound_are_reported()
    {
        var d = Assert.Single(Diagnose("""
            public static int Prog(int a)
            {
                while (a > 0) { a = a / 2 + 1; }
                return a;
            }
            """));
        Assert.Equal("BPF0006", d.Id);
        Assert.Equal(5, d.Line);
    }

    [Fact]
    public void Printk_needs_a_constant_format()
    {
        var d = Assert.Single(Diagnose("""
            public static int Prog(int a)
            {
                string f = "x";
                Bpf.Printk(f);
                return 0;
            }
            """), x => x.Id == "BPF0005");
        Assert.Equal(6, d.Line);
    }

    [Fact]
    public void Bounded_loops_are_accepted()
    {
        var result = CompilerHarness.CompileClass("""
            public static int Prog(int a)
            {
                int s = 0;
                for (int i = 0; i < 10 && i < a; i++) s += i;
                int j = 100;
                while (j > 0) { s ^= j; j -= 3; }
                return s;
            }
            """);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("public static int Prog(int a) { var x = new int[4]; return x[a]; }")]
    [InlineData("public static int Prog(int a) { System.Console.WriteLine(a); return 0; }")]
    [InlineData("public static int Prog(int a) { checked { return a + 1; } }")]
    [InlineData("public static int Prog(int a) { int? n = a; return n ?? 0; }")]
    [InlineData("public static int Prog(int a) { lock (typeof(P)) { return a; } }")]
    [InlineData("public static int Prog(int a) { foreach (var c in \"abc\") a += c; return a; }")]
    [InlineData("public static double Prog(double a) => a * 2;")]
    [InlineData("public static int Prog(int a) { System.Func<int> f = () => a; return f(); }")]
    [InlineData("public static int Prog(int a) => throw new System.Exception();")]
    [InlineData("public static int Prog(int a, int b, int c, int d, int e, int f) => a;")]
    [InlineData("public static int Prog(int a) { long x = checked(a * 2); return (int)x; }")]
    public void Never_throws_for_code_outside_the_subset(string members)
    {
        var result = CompilerHarness.CompileClass(members);
        Assert.NotEmpty(result.Diagnostics);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "BPF9999");
        Assert.Empty(result.Programs);
    }
}
