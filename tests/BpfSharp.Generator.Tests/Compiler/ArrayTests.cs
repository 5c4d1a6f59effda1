namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>Fixed-size buffers, [InlineArray] structs, foreach over them, and goto.</summary>
public class ArrayTests
{
    private static readonly long[][] Inputs =
    {
        new long[] { 0, 0 }, new long[] { 1, 2 }, new long[] { -1, 7 }, new long[] { 200, 3 }, new long[] { int.MaxValue, 5 }, new long[] { 17, -6 },
    };

    private const string Types = """
        public unsafe struct Buf { public int Len; public fixed byte Data[8]; public fixed ushort Words[3]; }
        [InlineArray(4)] public struct Four { private int _e; }
        public struct Holder { public byte Tag; public Four Values; }
        """;

    [Fact]
    public void Fixed_size_buffers_have_c_layout_and_index_like_pointers() =>
        Differential.Check(Types + """
            public static int F(int a, int b)
            {
                Buf s = default;
                for (int i = 0; i < 8; i++) s.Data[i] = (byte)(a + i);
                s.Words[1] = (ushort)b; s.Len = sizeof(Buf);
                Buf* p = &s;
                return s.Data[b & 7] + p->Data[3] * 3 + s.Words[1] + s.Len * 1000;
            }
            """, "F", Inputs);

    [Fact]
    public void Inline_arrays_index_and_foreach() =>
        Differential.Check(Types + """
            public static int F(int a, int b)
            {
                Four f = default;
                f[0] = a; f[1] = b; f[2] = a * b; f[3] = a - b;
                int s = 0;
                foreach (var x in f) { if (x == 7) continue; s = s * 31 + x; }
                Holder h = default; h.Values[b & 3] = 9; h.Tag = 1;
                return s + f[b & 3] + h.Values[1] + h.Tag;
            }
            """, "F", Inputs);

    [Fact]
    public void An_inline_array_index_out_of_range_ends_the_program_with_zero()
    {
        var program = CompilerHarness.CompileProgram("public static int Prog(int i) { Four f = default; f[1] = 5; return f[i] + 100; }", Types);
        Assert.Equal(105UL, new BpfInterpreter().Run(program.Code, 1));
        Assert.Equal(0UL, new BpfInterpreter().Run(program.Code, 4));
        Assert.Equal(0UL, new BpfInterpreter().Run(program.Code, unchecked((uint)-1)));
    }

    [Fact]
    public void Kernel_verifier_accepts_variable_indexes_into_buffers_and_inline_arrays()
    {
        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("CI") != "true")
            Assert.Skip("loading programs needs root");
        var result = CompilerHarness.CompileClass(Types + """
            public static int Prog(RawTracepointContext ctx)
            {
                int i = (int)ctx.Arg(0);
                Four f = default; Buf b = default;
                f[i] = 3; b.Data[i & 7] = 4;
                int s = 0;
                foreach (var x in f) s += x;
                if (i > 5) goto done;
                s += b.Data[i] + f[i & 3];
            done:
                return s;
            }
            """);
        Assert.Empty(result.Diagnostics);
        VerifierLoad.AssertLoads(result);
    }

    [Fact]
    public void A_fixed_buffer_in_a_global_struct_is_indexed_at_its_address()
    {
        var f = CompilerHarness.CompileProgram("""
            static Buf Shared;
            public static int Prog(RawTracepointContext ctx)
            {
                int i = (int)ctx.Arg(0);
                Shared.Data[i & 7] = 5;
                Buf copy = Shared;
                return Shared.Data[i & 7] + Shared.Data[1] + copy.Data[2];
            }
            """, Types);
        var listing = CompilerHarness.Listing(f);
        // The buffer is the bytes at offset 4 of the global: no 8-byte load of them as if they held a pointer.
        Assert.DoesNotContain(listing, l => l.Contains("= *(u64 *)(r") && l.EndsWith("+4)", StringComparison.Ordinal));
        Assert.Contains(listing, l => l.Contains("*(u8 *)(r") && l.EndsWith("+5)", StringComparison.Ordinal)); // Data[1], constant index
        Assert.Contains(listing, l => l.StartsWith("if r", StringComparison.Ordinal) && l.Contains(">= 8 goto")); // the variable index is checked
    }

    [Fact]
    public void Forward_goto_jumps() =>
        Differential.Check("""
            public static int F(int a, int b)
            {
                if (a > 5) goto big;
                if (b < 0) goto done;
                a += 100;
            big:
                a *= 2;
            done:
                return a + b;
            }
            """, "F", Inputs);

    [Fact]
    public void Backward_goto_is_an_unbounded_loop()
    {
        var result = CompilerHarness.CompileClass("public static int Prog(int a) { again: a++; if (a < 10) goto again; return a; }");
        Assert.Equal("BPF0006", Assert.Single(result.Diagnostics).Id);
    }
}
