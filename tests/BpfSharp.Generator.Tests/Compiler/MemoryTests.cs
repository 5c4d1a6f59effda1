namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>Structs on the stack, pointers, ref locals, sizeof and stackalloc, checked against the CLR.</summary>
public class MemoryTests
{
    private const string Types = """
        public struct Pair { public int A; public long B; public byte C; }
        [StructLayout(LayoutKind.Explicit)] public struct Overlay { [FieldOffset(0)] public ulong All; [FieldOffset(0)] public uint Low; [FieldOffset(4)] public ushort Mid; }
        public struct Outer { public short S; public Pair Inner; }
        """;

    private static readonly long[][] Inputs = { new long[] { 1, 2 }, new long[] { -5, 1000 }, new long[] { int.MaxValue, long.MinValue } };

    [Fact]
    public void Struct_layout_matches_c()
    {
        var compilation = CompilerHarness.Compile(CompilerHarness.Source("", Types));
        var pair = BpfSharp.Generator.Compiler.Frontend.StructLayout.Of(compilation.GetTypeByMetadataName("Pair")!)!;
        Assert.Equal(24, pair.Size);
        Assert.Equal(new[] { 0, 8, 16 }, pair.Offsets.Values.OrderBy(v => v));
        var outer = BpfSharp.Generator.Compiler.Frontend.StructLayout.Of(compilation.GetTypeByMetadataName("Outer")!)!;
        Assert.Equal(32, outer.Size);
        Assert.Equal(8, outer.Offsets.Values.Max()); // Inner, 8-aligned after a short
    }

    [Fact]
    public void Struct_locals_fields_and_copies() =>
        Differential.Check("""
            public static long F(int a, long b)
            {
                Pair p = default;
                p.A = a; p.B = b; p.C = (byte)(a + 300);
                var q = p;
                q.A += 1;
                Outer o = new Outer { S = -2 };
                o.Inner = q;
                o.Inner.B ^= 0xff;
                return p.A + p.B + p.C + q.A + o.S + o.Inner.B + o.Inner.C;
            }
            """ + "}" + Types + "public static partial class Q {", "F", Inputs);

    [Fact]
    public void Explicit_layout_overlaps_fields() =>
        Differential.Check("""
            public static long F(long a, long b)
            {
                Overlay o = default;
                o.All = (ulong)a;
                o.Mid = (ushort)b;
                return (long)o.All + o.Low;
            }
            """ + "}" + Types + "public static partial class Q {", "F", Inputs);

    [Fact]
    public void Pointers_to_locals_arithmetic_and_element_access() =>
        Differential.Check("""
            public static long F(int a, long b)
            {
                long x = b;
                long* p = &x;
                *p += a;
                Pair pair = default;
                Pair* pp = &pair;
                pp->A = a * 2;
                pp->B = *p;
                int* buf = stackalloc int[8];
                for (int i = 0; i < 8; i++) buf[i] = i * a;
                int* end = buf + 8;
                int* mid = end - 3;
                long sum = 0;
                int* q = buf;
                for (int k = 0; k < 5; k++) { sum += *q; q++; }
                return x + pair.A + pair.B + sum + (end - buf) + sizeof(Pair) + mid[1];
            }
            """ + "}" + Types + "public static partial class Q {", "F", Inputs);

    [Fact]
    public void Ref_locals_alias_their_target() =>
        Differential.Check("""
            public static long F(int a, long b)
            {
                int x = a;
                ref int r = ref x;
                r += 5;
                Pair p = default;
                ref long f = ref p.B;
                f = b;
                f++;
                return x + p.B;
            }
            """ + "}" + Types + "public static partial class Q {", "F", Inputs);

    [Fact]
    public void Raw_tracepoint_arguments_load_from_the_context()
    {
        var f = CompilerHarness.CompileProgram("public static long Prog(RawTracepointContext ctx) => (long)ctx.Arg(1);");
        Assert.Equal(new[] { "r0 = *(u64 *)(r1 +8)", "exit" }, CompilerHarness.Listing(f));
    }
}
