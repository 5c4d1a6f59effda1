namespace BpfSharp.Generator.Tests.Compiler.Quality;

/// <summary>The optimized benchmark twins still compute what the CLR computes.</summary>
public class BenchDifferentialTests
{
    private static readonly long[][] Values =
    {
        new long[] { 0, 0, 0, 0 }, new long[] { 1, 2, 3, 4 }, new long[] { -1, -1, -1, -1 }, new long[] { 6, 1500, 17, 3 },
        new long[] { 17, 64, 1, 9 }, new long[] { 0xffff_ffff, 0x1_0000_0000, 5, -5 }, new long[] { long.MaxValue, long.MinValue, 10, 20 },
        new long[] { 0x1234_5678, 0x8765_4321, 0xabcd, 0x10 }, new long[] { 3, 4, -100, 100 }, new long[] { 255, 256, 65535, 65536 },
    };

    [Theory]
    [InlineData("log2_bucket")]
    [InlineData("counters")]
    [InlineData("flow_hash")]
    [InlineData("clamp_avg")]
    public void Twin_matches_the_clr(string name)
    {
        var source = BenchPrograms.All.Single(p => p.Name == name).Source;
        Differential.Check(source, name, Values);
    }

    [Fact]
    public void Byte_swaps_match_the_clr()
    {
        Differential.Check("public static ushort F(ushort a) => BinaryPrimitives.ReverseEndianness(a);", "F", Values);
        Differential.Check("public static short F(short a) => BinaryPrimitives.ReverseEndianness(a);", "F", Values);
        Differential.Check("public static uint F(uint a) => BinaryPrimitives.ReverseEndianness(a);", "F", Values);
        Differential.Check("public static int F(int a) => BinaryPrimitives.ReverseEndianness(a);", "F", Values);
        Differential.Check("public static ulong F(ulong a) => BinaryPrimitives.ReverseEndianness(a);", "F", Values);
        Differential.Check("public static long F(long a) => BinaryPrimitives.ReverseEndianness(a) >> 3;", "F", Values);
    }

    [Fact]
    public void Known_bits_keep_needed_masks()
    {
        Differential.Check("public static int F(int a, int b) { int s = a > b ? 40 : 8; return (int)((ulong)a >> s) & 0xff; }", "F", Values);
        Differential.Check("public static uint F(uint a, uint b) { uint x = (a & 0xf0) << 4; return (uint)((ushort)(x + b) + (byte)(x >> 4)); }", "F", Values);
        Differential.Check("public static long F(long a, int b) { long s = 0; for (int i = 0; i < 8; i++) { s += (a >> i) & 1; s <<= 1; } return s ^ b; }", "F", Values);
    }
}
