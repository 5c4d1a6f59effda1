namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>Calls to the user's own static methods: inlined, or BPF-to-BPF subprograms.</summary>
public class CallTests
{
    private const string Callees = """
        static int Square(int x) => x * x;

        [MethodImpl(MethodImplOptions.NoInlining)]
        static long Mix(long a, int b)
        {
            long r = a;
            for (int i = 0; i < 4; i++) r = r * 31 + b;
            return r;
        }

        static void Bump(ref int x, int by) { x += by; }

        static int Clamp(int v, int lo, int hi)
        {
            if (v < lo) return lo;
            if (v > hi) return hi;
            return v;
        }
        """;

    [Fact]
    public void Small_methods_are_inlined_and_match_the_clr()
    {
        Differential.Check(Callees + """
            public static int F(int a, int b)
            {
                int s = Square(a) + Clamp(b, -3, 3);
                Bump(ref s, 10);
                Bump(ref s, Square(2));
                return s;
            }
            """, "F", new[] { new long[] { 3, 5 }, new long[] { -7, -9 }, new long[] { 0, 1 } });
    }

    [Fact]
    public void NoInlining_methods_become_subprograms_with_call_relocations()
    {
        var result = CompilerHarness.CompileClass(Callees + "public static long Prog(long a) => Mix(a, 3) + Mix(a + 1, 4);");
        Assert.Empty(result.Diagnostics);
        var program = Assert.Single(result.Programs);
        var sub = Assert.Single(result.Subprograms);
        Assert.Equal(2, program.Relocations.Count);
        Assert.All(program.Relocations, r =>
        {
            Assert.Equal(BpfSharp.Generator.Compiler.RelocationKind.Call, r.Kind);
            Assert.Equal(sub.Name, r.Symbol);
            Assert.Equal("call pc-1", CompilerHarness.Listing(program).Length > 0 ? BpfSharp.Asm.Disassembler.Format(program.Code[r.Slot], notation: BpfSharp.Asm.DisassemblyNotation.Verifier) : "");
        });
        Differential.Check(Callees + "public static long F(long a, int b) => Mix(a, b) ^ Mix(b, 3);", "F",
            new[] { new long[] { 1, 2 }, new long[] { -5, 77 } });
    }

    [Fact]
    public void Values_live_across_calls_stay_in_callee_saved_registers()
    {
        var f = CompilerHarness.CompileProgram(Callees + "public static long Prog(long a) { long k = a * 3; long m = Mix(a, 1); return k + m; }");
        var listing = CompilerHarness.Listing(f);
        int call = Array.FindIndex(listing, l => l.StartsWith("call pc", StringComparison.Ordinal));
        // k is computed before the call and used after it: it must not be in r0-r5, and nothing spills.
        Assert.DoesNotContain(listing, l => l.Contains("(r10 "));
        Assert.Contains(listing.Take(call), l => l.StartsWith("r6", StringComparison.Ordinal) || l.StartsWith("r7", StringComparison.Ordinal));
    }

    [Fact]
    public void Recursion_is_reported()
    {
        var result = CompilerHarness.CompileClass("""
            static int Fact(int n) => n <= 1 ? 1 : n * Fact(n - 1);
            public static int Prog(int a) => Fact(a);
            """);
        Assert.Contains(result.Diagnostics, d => d.Id == "BPF0008");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "BPF9999");
    }
}

public class SpillTests
{
    [Fact]
    public void More_values_live_across_a_call_than_callee_saved_registers_spill_to_the_stack()
    {
        const string source = """
            [MethodImpl(MethodImplOptions.NoInlining)]
            static long G(long x) => x * 7 + 1;

            public static long F(long a, long b)
            {
                long v1 = a + 1, v2 = a * 3, v3 = b - 4, v4 = a ^ b, v5 = a | 9, v6 = b << 3, v7 = a - b;
                long g = G(a);
                long h = G(b);
                return v1 + v2 * 2 + v3 * 3 + v4 * 5 + v5 * 7 + v6 * 11 + v7 * 13 + g + h;
            }
            """;
        Differential.Check(source, "F", new long[] { 1, 2 }, new long[] { -100, 77 });
        var result = CompilerHarness.CompileClass(source.Replace("public static long F(", "public static long ProgF("));
        var program = Assert.Single(result.Programs);
        Assert.True(program.StackSize >= 8 * 3, $"stack {program.StackSize}");
        Assert.Contains(CompilerHarness.Listing(program), l => l.StartsWith("*(u64 *)(r10 ", StringComparison.Ordinal));
    }
}
