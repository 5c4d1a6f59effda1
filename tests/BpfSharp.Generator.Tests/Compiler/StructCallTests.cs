using System.Diagnostics;
using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>Structs as parameters and results, and by-reference arguments, in inlined and BPF-to-BPF calls.</summary>
public class StructCallTests
{
    private static readonly long[][] Inputs =
    {
        new long[] { 0, 0 }, new long[] { 1, 2 }, new long[] { -1, -7 }, new long[] { int.MaxValue, long.MaxValue }, new long[] { 12345, -99999999999 },
    };

    private static string Program(string inlining) => $$"""
        public struct Pt { public int X; public long Y; }
        public struct Box { public byte Tag; public Pt Inner; }
        [MethodImpl(MethodImplOptions.{{inlining}})] static Pt Make(int a, long b) { Pt p; p.X = a; p.Y = b * 2; return p; }
        [MethodImpl(MethodImplOptions.{{inlining}})] static Pt MakeExpr(int a) => new Pt { X = a, Y = 5 };
        [MethodImpl(MethodImplOptions.{{inlining}})] static long Sum(Pt p) { p.X = 0; return p.X + p.Y; }
        [MethodImpl(MethodImplOptions.{{inlining}})] static void Bump(ref Pt p, ref int n) { p.X += 1; n += 10; }
        [MethodImpl(MethodImplOptions.{{inlining}})] static int Read(in Pt p) => p.X * 3;
        [MethodImpl(MethodImplOptions.{{inlining}})] static void Fill(out int v, int w) { v = w + 1; }
        public static long F(int a, long b)
        {
            var p = Make(a, b);
            Bump(ref p, ref a);
            long s = Sum(p);
            Box box = new Box { Tag = 3, Inner = MakeExpr(a) };
            Fill(out int v, a);
            Make(7, 7);
            return s + p.X + a + Read(p) + Make(1, 2).Y + box.Inner.X + box.Inner.Y + box.Tag + v;
        }
        """;

    [Theory]
    [InlineData("NoInlining")]
    [InlineData("AggressiveInlining")]
    public void Struct_and_ref_arguments_match_the_clr(string inlining) =>
        Differential.Check(Program(inlining), "F", Inputs);

    [Fact]
    public void Struct_calls_are_bpf_to_bpf_calls_with_stack_pointers()
    {
        var result = CompilerHarness.CompileClass(Program("NoInlining").Replace("public static long F(", "public static long Prog("));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(6, result.Subprograms.Count);
    }

    [Fact]
    public void Kernel_verifier_accepts_struct_calls()
    {
        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("CI") != "true")
            Assert.Skip("loading programs needs root");
        var source = Program("NoInlining").Replace("public static long F(int a, long b)", "public static int Prog(RawTracepointContext ctx)")
            .Replace("var p = Make(a, b);", "int a = (int)ctx.Arg(0); long b = (long)ctx.Arg(1); var p = Make(a, b);")
            .Replace("return s + p.X", "return (int)(s + p.X");
        source = source.Replace("+ box.Tag + v;", "+ box.Tag + v);");
        var result = CompilerHarness.CompileClass(source);
        Assert.Empty(result.Diagnostics);
        VerifierLoad.AssertLoads(result);
    }
}

/// <summary>Loads compiled programs with bpftool so the kernel verifier judges them.</summary>
internal static class VerifierLoad
{
    public static void AssertLoads(BpfSharp.Generator.Compiler.CompilationResult result)
    {
        var specs = result.Programs.Select(p => new ProgramSpec(p.Name, ProgramKind.RawTracepoint, "raw_tracepoint/sys_enter", "sys_enter", null)).ToList();
        string dir = Directory.CreateTempSubdirectory("bpfsharp-verifier").FullName;
        string obj = Path.Combine(dir, "prog.o");
        File.WriteAllBytes(obj, BpfSharp.Generator.Object.ObjectWriter.Write(result, specs, "GPL"));
        Directory.CreateDirectory("/sys/fs/bpf");
        if (!File.ReadAllText("/proc/mounts").Contains(" /sys/fs/bpf bpf "))
            Run("mount", "-t bpf bpf /sys/fs/bpf");
        string pin = "/sys/fs/bpf/bpfsharp_verifier_" + Environment.ProcessId + "_" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var (code, output) = Run("bpftool", $"-d prog load {obj} {pin}");
            Assert.True(code == 0, "bpftool prog load failed:\n" + Tail(output));
        }
        finally
        {
            File.Delete(pin);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Tail(string s) => s.Length > 6000 ? s[^6000..] : s;

    private static (int Code, string Output) Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var err = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + err.Result);
    }
}
