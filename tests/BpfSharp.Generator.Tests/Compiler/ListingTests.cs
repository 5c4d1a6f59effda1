using BpfSharp.Generator.Compiler;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>Exact instruction sequences for small programs: register allocation, ALU32 use, branches.</summary>
public class ListingTests
{
    private static string[] Listing(string members, CpuVersion cpu = CpuVersion.V3) => CompilerHarness.Listing(CompilerHarness.CompileProgram(members, cpu: cpu));

    [Fact]
    public void Int_addition_uses_32_bit_alu_into_the_result_register() =>
        Assert.Equal(new[] { "w0 = w1", "w0 += w2", "exit" }, Listing("public static int Prog(int a, int b) => a + b;"));

    [Fact]
    public void Int_to_long_sign_extends_with_shifts_on_cpu_v3() =>
        Assert.Equal(new[] { "r0 = r1", "r0 <<= 32", "r0 s>>= 32", "exit" }, Listing("public static long Prog(int a) => a;"));

    [Fact]
    public void Int_to_long_sign_extends_with_movsx_on_cpu_v4() =>
        Assert.Equal(new[] { "r0 = (s32)r1", "exit" }, Listing("public static long Prog(int a) => a;", CpuVersion.V4));

    [Fact]
    public void Signed_division_on_cpu_v3_uses_only_unsigned_division()
    {
        var listing = Listing("public static int Prog(int a, int b) => a / b + a % b;");
        Assert.Contains(listing, l => l.Contains("/="));
        Assert.DoesNotContain(listing, l => l.Contains("s/=") || l.Contains("s%=") || l.Contains("(s"));
    }

    [Fact]
    public void Signed_division_on_cpu_v4_uses_sdiv_and_smod() =>
        Assert.Equal(new[] { "w0 = w1", "w0 s/= w2", "exit" }, Listing("public static int Prog(int a, int b) => a / b;", CpuVersion.V4));

    [Fact]
    public void Ushort_from_network_order_is_one_be16()
    {
        var listing = Listing("public static int Prog(ushort* p) => BinaryPrimitives.ReverseEndianness(*p);");
        Assert.Equal(new[] { "r0 = *(u16 *)(r1 +0)", "r0 = be16 r0", "exit" }, listing);
    }

    [Fact]
    public void A_materialized_boolean_is_not_tested_again()
    {
        var listing = Listing("public static int Prog(int a, int b) { bool ok = a > 3 && b > 4; if (ok) return 10; return 20; }");
        Assert.DoesNotContain(listing, l => l.EndsWith("!= 0 goto", StringComparison.Ordinal) || l.Contains(" == 0 goto") || l.Contains(" != 0 goto"));
        Assert.True(listing.Length <= 6, string.Join("\n", listing));
    }

    [Fact]
    public void Early_returns_of_one_value_share_one_exit()
    {
        var listing = Listing("public static int Prog(byte* p, byte* end) { if (p + 14 > end) return 0; if (p[12] != 8) return 0; if (p + 34 > end) return 0; return p[23]; }");
        Assert.Equal(1, listing.Count(l => l == "w0 = 0"));
        Assert.Equal(new[] { "r3 = r1", "r3 += 14", "if r3 > r2 goto +7", "r3 = *(u8 *)(r1 +12)", "if w3 != 8 goto +5", "r3 = r1", "r3 += 34", "if r3 > r2 goto +2",
            "r0 = *(u8 *)(r1 +23)", "exit", "w0 = 0", "exit" }, listing);
    }

    [Fact]
    public void Comparisons_of_ints_use_jmp32() =>
        Assert.Equal(new[] { "w0 = 1", "if w1 s> w2 goto +1", "w0 = 2", "exit" }, Listing("public static int Prog(int a, int b) => a > b ? 1 : 2;"));
}
