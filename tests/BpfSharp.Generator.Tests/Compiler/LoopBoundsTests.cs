using BpfSharp.Generator.Compiler;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>
/// Loops whose counter halves towards zero (at most one iteration per bit of its width) or doubles from a constant
/// up to a constant are bounded; the shapes that only look alike (a sign that never reaches zero, a doubling that
/// wraps, a step that an iteration may skip) stay BPF0006.
/// </summary>
public class LoopBoundsTests
{
    private static readonly long[][] Inputs =
    {
        new long[] { 0 }, new long[] { 1 }, new long[] { 2 }, new long[] { 5 }, new long[] { 1000 }, new long[] { -1 },
        new long[] { int.MaxValue }, new long[] { int.MinValue }, new long[] { long.MaxValue }, new long[] { long.MinValue },
    };

    [Theory]
    [InlineData("public static int F(uint x) { int n = 0; while (x != 0) { x >>= 1; n++; } return n; }")]
    [InlineData("public static int F(ulong x) { int n = 0; while (x > 0) { n += (int)(x & 1); x >>= 1; } return n; }")]
    [InlineData("public static int F(uint n) { int s = 0; for (uint i = n; i > 0; i >>= 1) s += (int)(i & 3); return s; }")]
    [InlineData("public static int F(int n) { int s = 0; for (int i = n; i > 0; i >>= 1) s += i & 7; return s; }")]
    [InlineData("public static int F(uint n) { int s = 0; for (uint i = n; i != 0; i /= 4) s += (int)(i & 7); return s; }")]
    [InlineData("public static int F(long x) { int n = 0; while (x != 0) { x >>>= 2; n++; } return n; }")]
    [InlineData("public static int F(ushort x) { int n = 0; do { x >>= 1; n++; } while (x >= 3); return n; }")]
    [InlineData("public static int F(int a) { int r = 0; for (int i = 32; i > 0; i >>= 1) { if (a >= 1 << i) { a >>= i; r += i; } } return r; }")]
    public void Halving_loops_are_bounded_and_match_the_clr(string method) =>
        Differential.Check(method, "F", Inputs);

    [Theory]
    [InlineData("public static uint F(uint a) { uint s = 0; for (uint i = 1; i < 1000; i *= 2) s += i ^ a; return s; }")]
    [InlineData("public static int F(int a) { int s = 0; for (int i = 3; i <= 0x3fff_ffff; i <<= 1) s ^= i + a; return s; }")]
    [InlineData("public static long F(long a) { long s = 0; for (byte i = 1; i < 100; i *= 3) s += i * a; return s; }")]
    public void Doubling_loops_from_a_constant_to_a_constant_are_bounded_and_match_the_clr(string method) =>
        Differential.Check(method, "F", Inputs);

    [Theory]
    [InlineData("while (a != 0) { a >>= 1; }", "int")] // -1 >> 1 is -1: never zero
    [InlineData("while (a != 1) { a >>= 1; }", "uint")] // 0 >> 1 stays 0
    [InlineData("while (a >= 0) { a >>= 1; }", "uint")] // 0 is >= 0
    [InlineData("while (a > 0) { a >>= 32; }", "uint")] // the count is masked to 0
    [InlineData("while (a > 0) { if (a == 7) continue; a >>= 1; }", "uint")] // an iteration may skip the step
    [InlineData("while (a > 0) { if ((a & 1) == 0) a >>= 1; }", "uint")] // only conditional steps
    [InlineData("while (a > 0) { a >>= 1; a += 3; }", "uint")] // another write
    [InlineData("while (a != 0) { a /= 2; }", "int")] // signed division: the verifier cannot follow it
    [InlineData("while (a != 0) { a /= 3; }", "uint")] // a true division: neither
    [InlineData("for (uint i = 0; i < 100; i *= 2) a++;", "uint")] // 0 * 2 is 0
    [InlineData("for (uint i = 1; i < uint.MaxValue; i *= 2) a++;", "uint")] // wraps to 0
    [InlineData("for (byte i = 1; i < 200; i *= 2) a++;", "uint")] // 128 * 2 is 0 as a byte
    [InlineData("for (uint i = 1; i != 100; i *= 2) a++;", "uint")] // never equal
    [InlineData("for (uint i = a; i < 100; i *= 2) a++;", "uint")] // start not a constant
    public void Loops_that_only_look_halving_or_doubling_stay_unbounded(string loop, string type)
    {
        var result = CompilerHarness.CompileClass($"public static int Prog({type} a) {{ {loop} return (int)a; }}");
        Assert.Equal("BPF0006", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void The_kernel_verifier_accepts_a_halving_loop_over_an_unknown_value()
    {
        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("CI") != "true")
            Assert.Skip("loading programs needs root");
        var result = CompilerHarness.CompileClass("""
            public static int Prog(RawTracepointContext ctx)
            {
                ulong x = ctx.Arg(0);
                int n = 0;
                while (x != 0) { x >>= 1; n++; }
                uint y = (uint)ctx.Arg(1);
                for (uint i = y; i > 0; i >>= 1) n += (int)(i & 1);
                for (uint j = y; j != 0; j /= 8) n ^= (int)j;
                int z = (int)ctx.Arg(2);
                while (z > 3) { z >>= 2; n++; }
                return n;
            }
            """);
        Assert.Empty(result.Diagnostics);
        VerifierLoad.AssertLoads(result);
    }
}
