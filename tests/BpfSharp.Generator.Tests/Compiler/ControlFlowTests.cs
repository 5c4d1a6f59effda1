namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>Loops, switches and early returns, checked against the CLR through the interpreter.</summary>
public class ControlFlowTests
{
    private static readonly long[][] Inputs =
    {
        new long[] { 0, 0 }, new long[] { 1, 2 }, new long[] { 5, 3 }, new long[] { -4, 9 }, new long[] { 17, -1 }, new long[] { 100, 100 },
    };

    [Fact]
    public void For_loops_with_break_and_continue() =>
        Differential.Check("""
            public static int F(int a, int b)
            {
                int sum = 0;
                for (int i = 0; i < 20; i++)
                {
                    if (i == a) continue;
                    if (i > b + 10) break;
                    sum += i * a - b;
                }
                return sum;
            }
            """, "F", Inputs);

    [Fact]
    public void While_and_do_loops() =>
        Differential.Check("""
            public static long F(long a, long b)
            {
                long x = 0; int i = 0;
                while (i < 10) { x = x * 3 + a; i++; }
                int j = 10;
                do { x ^= b << j; j -= 2; } while (j > 0);
                return x;
            }
            """, "F", Inputs);

    [Fact]
    public void Nested_loops_and_early_return() =>
        Differential.Check("""
            public static int F(int a, int b)
            {
                for (int i = 0; i < 8; i++)
                    for (int j = 0; j < 8; j++)
                        if (i * j == a + b) return i * 10 + j;
                return -1;
            }
            """, "F", Inputs);

    [Fact]
    public void Switch_statements_over_ints_and_enums() =>
        Differential.Check("""
            public enum Color : byte { Red, Green, Blue = 7 }
            public static int F(int a, Color c)
            {
                int r = 0;
                switch (a)
                {
                    case 0: r = 10; break;
                    case 1: case 2: r = 20; break;
                    case > 50 and < 200: r = 30; break;
                    case < -2: r = 40; break;
                    default: r = 50; break;
                }
                switch (c)
                {
                    case Color.Red: r += 1; break;
                    case Color.Blue: return r + 7;
                }
                return r;
            }
            """, "F", new[] { new long[] { 0, 0 }, new long[] { 2, 1 }, new long[] { 100, 7 }, new long[] { -5, 3 }, new long[] { 7, 7 } });

    [Fact]
    public void Switch_expressions_with_patterns() =>
        Differential.Check("""
            public static long F(int a, long b) => a switch
            {
                0 => b,
                1 or 2 => b * 2,
                >= 10 and <= 20 when b > 0 => 1000,
                < 0 => -a,
                _ => a + b,
            };
            """, "F", new[] { new long[] { 0, 5 }, new long[] { 2, 5 }, new long[] { 15, 1 }, new long[] { 15, -1 }, new long[] { -3, 0 }, new long[] { 99, 1 } });

    [Fact]
    public void Is_patterns_and_bool_values() =>
        Differential.Check("""
            public static bool F(int a, int b) => a is > 3 and not 7 || (b is 1 or 2 && a != b);
            """, "F", new[] { new long[] { 0, 1 }, new long[] { 7, 0 }, new long[] { 5, 0 }, new long[] { 1, 1 }, new long[] { 2, 2 } });
}
