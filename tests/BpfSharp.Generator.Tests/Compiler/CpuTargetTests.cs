using BpfSharp.Generator.Compiler;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>The same C# gives the same results on cpu v3 (no signed division or sign-extending moves) and v4.</summary>
public class CpuTargetTests
{
    private static readonly long[][] Pairs =
    {
        new long[] { 0, 0 }, new long[] { 7, 2 }, new long[] { -7, 2 }, new long[] { 7, -2 }, new long[] { -7, -2 }, new long[] { 5, 0 }, new long[] { -5, 0 },
        new long[] { int.MaxValue, -1 }, new long[] { int.MinValue, 3 }, new long[] { long.MinValue, 7 }, new long[] { long.MaxValue, -9 }, new long[] { -1, 1 },
        new long[] { 100, 7 }, new long[] { -100, -7 }, new long[] { 0x1234_5678_9abc, -0x1000 },
    };

    [Theory]
    [InlineData(3, "int")]
    [InlineData(3, "long")]
    [InlineData(3, "short")]
    [InlineData(3, "sbyte")]
    [InlineData(4, "int")]
    [InlineData(4, "long")]
    public void Signed_division_and_remainder_follow_csharp_and_the_zero_rule(int version, string t)
    {
        var cpu = (CpuVersion)version;
        // x / 0 = 0 and x % 0 = x (BpfSharp's one departure from the CLR), and MinValue / -1 left out (the CLR throws).
        Differential.Check(cpu, $"public static {t} F({t} a, {t} b) => b == 0 ? ({t})0 : a == {t}.MinValue && b == -1 ? ({t})1 : unchecked(({t})(a / b));", "F", Pairs);
        Differential.Check(cpu, $"public static {t} F({t} a, {t} b) => b == 0 ? a : a == {t}.MinValue && b == -1 ? ({t})1 : unchecked(({t})(a % b));", "F", Pairs);
        foreach (int k in new[] { 1, 2, 3, 8, -4, 1000 })
        {
            Differential.Check(cpu, $"public static {t} F({t} a) => unchecked(({t})(a / {k}));", "F", Pairs);
            Differential.Check(cpu, $"public static {t} F({t} a) => unchecked(({t})(a % {k}));", "F", Pairs);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Sign_extension_matches_the_clr(int version)
    {
        var cpu = (CpuVersion)version;
        Differential.Check(cpu, "public static long F(int a) => a;", "F", Pairs);
        Differential.Check(cpu, "public static int F(int a) => (sbyte)a;", "F", Pairs);
        Differential.Check(cpu, "public static int F(int a) => (short)a;", "F", Pairs);
        Differential.Check(cpu, "public static long F(long a) => (long)(short)a * 3;", "F", Pairs);
    }

    [Fact]
    public void Checked_arithmetic_is_its_own_diagnostic()
    {
        var result = CompilerHarness.CompileClass("public static int Prog(int a) { int b = checked(a + 1); return checked((byte)b); }");
        Assert.Equal(new[] { "BPF0009", "BPF0009" }, result.Diagnostics.Select(d => d.Id).ToArray());
    }
}
