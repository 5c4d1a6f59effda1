namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>Exact instruction sequences for small programs: register allocation, ALU32 use, branches.</summary>
public class ListingTests
{
    private static string[] Listing(string members) => CompilerHarness.Listing(CompilerHarness.CompileProgram(members));

    [Fact]
    public void Int_addition_uses_32_bit_alu_into_the_result_register() =>
        Assert.Equal(new[] { "w0 = w1", "w0 += w2", "exit" }, Listing("public static int Prog(int a, int b) => a + b;"));

    [Fact]
    public void Int_to_long_sign_extends_once() =>
        Assert.Equal(new[] { "r0 = (s32)r1", "exit" }, Listing("public static long Prog(int a) => a;"));

    [Fact]
    public void Comparisons_of_ints_use_jmp32() =>
        Assert.Equal(new[] { "w0 = 1", "if w1 s> w2 goto +1", "w0 = 2", "exit" }, Listing("public static int Prog(int a, int b) => a > b ? 1 : 2;"));
}
