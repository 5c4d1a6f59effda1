namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>C# integer semantics, checked against the CLR through the interpreter.</summary>
public class ArithmeticTests
{
    private static readonly long[][] Pairs =
    {
        new long[] { 0, 0 }, new long[] { 1, 2 }, new long[] { -1, 1 }, new long[] { 7, -3 }, new long[] { -7, 3 },
        new long[] { int.MaxValue, 1 }, new long[] { int.MinValue, -1 }, new long[] { 255, 256 }, new long[] { 0x7fff, -0x8000 },
        new long[] { 123456789, 40 }, new long[] { -123456789, 33 }, new long[] { long.MaxValue, 65 }, new long[] { long.MinValue, 3 },
        new long[] { 0x1234_5678_9abc_def0, 17 }, new long[] { -2, -31 }, new long[] { 100, 7 },
    };

    [Theory]
    [InlineData("int")]
    [InlineData("uint")]
    [InlineData("long")]
    [InlineData("ulong")]
    [InlineData("short")]
    [InlineData("ushort")]
    [InlineData("byte")]
    [InlineData("sbyte")]
    public void Binary_operators_match_the_clr(string t)
    {
        foreach (var op in new[] { "+", "-", "*", "&", "|", "^" })
            Differential.Check($"public static {t} F({t} a, {t} b) => unchecked(({t})(a {op} b));", "F", Pairs);
        foreach (var op in new[] { "/", "%" })
            Differential.Check($"public static {t} F({t} a, {t} b) => b == 0 || (a == {t}.MinValue && b == unchecked(({t})(-1))) ? ({t})0 : unchecked(({t})(a {op} b));", "F", Pairs);
    }

    [Theory]
    [InlineData("int")]
    [InlineData("uint")]
    [InlineData("long")]
    [InlineData("ulong")]
    [InlineData("short")]
    [InlineData("byte")]
    public void Shifts_mask_their_count(string t)
    {
        foreach (var op in new[] { "<<", ">>", ">>>" })
            Differential.Check($"public static {t} F({t} a, int n) => unchecked(({t})(a {op} n));", "F", Pairs);
        Differential.Check($"public static {t} F({t} a, int n) => unchecked(({t})((a << 33) + (a >> 65)));", "F", Pairs);
    }

    [Theory]
    [InlineData("int", "long")]
    [InlineData("uint", "long")]
    [InlineData("long", "int")]
    [InlineData("long", "byte")]
    [InlineData("int", "sbyte")]
    [InlineData("ulong", "short")]
    [InlineData("short", "ulong")]
    [InlineData("sbyte", "uint")]
    [InlineData("char", "int")]
    [InlineData("int", "ushort")]
    public void Conversions_extend_and_truncate_like_csharp(string from, string to) =>
        Differential.Check($"public static {to} F({from} a, long b) => unchecked(({to})a);", "F", Pairs);

    [Theory]
    [InlineData("int")]
    [InlineData("uint")]
    [InlineData("long")]
    [InlineData("ulong")]
    [InlineData("sbyte")]
    [InlineData("ushort")]
    public void Comparisons_respect_signedness(string t)
    {
        foreach (var op in new[] { "==", "!=", "<", "<=", ">", ">=" })
            Differential.Check($"public static bool F({t} a, {t} b) => a {op} b;", "F", Pairs);
    }

    [Fact]
    public void Mixed_signedness_promotes_to_long() =>
        Differential.Check("public static long F(int a, uint b) => a + b; ", "F", Pairs);

    [Fact]
    public void Unary_operators() =>
        Differential.Check("public static long F(int a, uint b) => -a + ~a + (-b) + ~b + (a == 3 ? 1 : 0) + (!(a > b) ? 10 : 20);", "F", Pairs);

    [Fact]
    public void Compound_assignment_and_increments_on_small_types() =>
        Differential.Check("""
            public static int F(byte a, sbyte b)
            {
                a += 200; b -= 100; a++; ++b; b *= 3; a <<= 3; a >>= 1; b >>= 1; a ^= 0x55; b |= 1;
                int x = a++ + ++a + b-- - --b;
                return x * 1000 + a + b;
            }
            """, "F", Pairs);

    [Fact]
    public void Short_circuit_logic_and_ternaries() =>
        Differential.Check("""
            public static int F(int a, int b)
            {
                bool p = a > 0 && b > 0, q = a < 0 || b == 2, r = !(p ^ q);
                int c = 0;
                if (a != 0 && 100 / a > 3) c += 1;
                if (b == 0 || 100 % b == 0) c += 2;
                return (p ? 4 : 0) + (q ? 8 : 0) + (r ? 16 : 0) + c + (a > b ? a : b);
            }
            """, "F", Pairs);

    [Fact]
    public void Division_by_zero_follows_bpf()
    {
        var f = CompilerHarness.CompileProgram("public static long Prog(long a, long b) => a / b + a % b;");
        var interpreter = new BpfInterpreter();
        Assert.Equal(7UL, interpreter.Run(f.Code, 7, 0)); // 7/0 = 0, 7%0 = 7
    }
}
