namespace BpfSharp.Generator.Tests.Compiler;

/// <summary><c>goto case</c> and <c>goto default</c>: jumps between the sections of a switch, forward or backward, as long as they do not form a loop.</summary>
public class GotoCaseTests
{
    private static readonly long[][] Inputs = Enumerable.Range(-2, 12).Select(a => new long[] { a, a * 7 }).ToArray();

    [Fact]
    public void Goto_case_and_goto_default_jump_forward() =>
        Differential.Check("""
            public static int F(int a, int b)
            {
                int r = 0;
                switch (a & 3)
                {
                    case 0: r += 1; goto case 1;
                    case 1: r += 10; break;
                    case 2: r += 100; goto default;
                    default: r += 1000; break;
                }
                return r;
            }
            """, "F", Inputs);

    [Fact]
    public void Goto_case_jumps_backward_without_forming_a_loop() =>
        Differential.Check("""
            public static int F(int a, int b)
            {
                int r = b;
                switch (a)
                {
                    case 1: r *= 3; break;
                    case 2: r += 5; goto case 1;
                    case 3: r -= 1; goto case 2;
                    default: r = -r; goto case 3;
                }
                return r;
            }
            """, "F", Inputs);

    [Fact]
    public void Goto_case_targets_a_label_shared_by_several_cases_and_works_over_enums() =>
        Differential.Check("""
            public enum Kind : byte { A, B, C, D }
            public static int F(int a, int b)
            {
                int r = 0;
                switch ((Kind)(a & 3))
                {
                    case Kind.A: case Kind.B: r += 2; if (b > 10) goto case Kind.D; break;
                    case Kind.C: r += 3; goto case Kind.A;
                    case Kind.D: r += 4; break;
                }
                return r;
            }
            """, "F", Inputs);

    [Fact]
    public void Goto_case_in_a_nested_switch_stays_in_that_switch() =>
        Differential.Check("""
            public static int F(int a, int b)
            {
                int r = 0;
                switch (a & 1)
                {
                    case 0:
                        switch (b & 3) { case 0: r += 1; goto case 2; case 2: r += 20; break; default: r += 300; break; }
                        goto case 1;
                    case 1: r += 4000; break;
                }
                return r;
            }
            """, "F", Inputs);

    [Fact]
    public void A_method_with_gotos_inlined_twice_jumps_within_each_copy() =>
        Differential.Check("""
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            static int Clamp(int a)
            {
                if (a > 10) goto big;
                a += 1;
                return a;
            big:
                return 10;
            }
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            static int Step(int a)
            {
                switch (a & 3) { case 0: a += 5; goto case 1; case 1: a *= 2; break; default: a = -a; goto case 1; }
                return a;
            }
            public static int F(int a, int b) => Clamp(a) * 100 + Clamp(b) + Step(a) * 7 + Step(b);
            """, "F", Inputs);

    [Fact]
    public void Goto_case_in_a_cycle_is_an_unbounded_loop()
    {
        var result = CompilerHarness.CompileClass("""
            public static int Prog(int a)
            {
                switch (a)
                {
                    case 0: a++; goto case 1;
                    case 1: if (a < 10) goto case 0; break;
                }
                return a;
            }
            """);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("BPF0006", diagnostic.Id);
    }
}
