using System.Diagnostics;
using System.Text;
using BpfSharp.Asm;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>
/// BPF0011/BPF0012: a program's length as the loader hands it to the kernel (with the subprograms it reaches), and
/// the guard that stops lowering once inlining has grown a function past the kernel's limit.
/// </summary>
[Collection(TimingCollection.Name)]
public class InstructionLimitTests
{
    /// <summary>Prog calls L0; each level calls the next <paramref name="fanout"/> times; all AggressiveInlining.</summary>
    internal static string NestedInlining(int levels, int fanout)
    {
        var sb = new StringBuilder();
        sb.AppendLine("public static int Prog(int a) => L0(a);");
        for (int level = 0; level < levels; level++)
        {
            sb.AppendLine($"[MethodImpl(MethodImplOptions.AggressiveInlining)] static int L{level}(int x) {{ int s = x;");
            for (int i = 0; i < fanout; i++)
                sb.AppendLine(level == levels - 1 ? $"    s = s * 3 + {i};" : $"    s += L{level + 1}(s ^ {i});");
            sb.AppendLine("    return s; }");
        }
        return sb.ToString();
    }

    [Fact]
    public void Exponential_inlining_stops_early_with_BPF0011_naming_the_most_inlined_method()
    {
        // 16^6 = 16.7 million copies of the innermost body if nothing stopped it.
        string members = NestedInlining(levels: 6, fanout: 16);
        long best = long.MaxValue;
        CompilationResult? result = null;
        for (int attempt = 0; attempt < 2 && best > 5000; attempt++)
        {
            var watch = Stopwatch.StartNew();
            result = CompilerHarness.CompileClass(members);
            best = Math.Min(best, watch.ElapsedMilliseconds);
        }
        Assert.True(best < 5000, $"took {best} ms");

        Assert.Empty(result!.Programs);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("BPF0011", d.Id);
        Assert.Equal("Prog", d.Arguments[0]);
        Assert.StartsWith("grows past 1,000,000 instructions as its calls are inlined ('L5' ", d.Arguments[1]);
        Assert.Equal("Mark the methods inlined most often, such as 'L5', [MethodImpl(MethodImplOptions.NoInlining)] so each is compiled once and called.", d.Arguments[2]);
        string source = CompilerHarness.Source(members);
        Assert.Equal("Prog", source.Substring(d.Location!.Span.Start, d.Location.Span.Length));
        var l5 = Assert.Single(d.AdditionalLocations);
        Assert.Equal("L5", source.Substring(l5.Span.Start, l5.Span.Length));
    }

    [Fact]
    public void The_same_program_without_forced_inlining_compiles_to_one_function_per_level()
    {
        var result = CompilerHarness.CompileClass(NestedInlining(levels: 6, fanout: 16).Replace("[MethodImpl(MethodImplOptions.AggressiveInlining)] ", ""));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(6, result.Subprograms.Count);
        Assert.InRange(InstructionLimits.LoadedLength(result.Programs[0], result.Subprograms.ToDictionary(s => s.Name)), 100, 2000);
    }

    [Fact]
    public void Loaded_length_counts_each_reachable_subprogram_once()
    {
        var result = CompilerHarness.CompileClass("""
            public static int Prog(int a) => A(a) + A(a + 1) + B(a);
            [MethodImpl(MethodImplOptions.NoInlining)] static int A(int x) { int y = x * 7; y ^= x >> 3; return B(y) + y; }
            [MethodImpl(MethodImplOptions.NoInlining)] static int B(int x) { int y = x * 5; y ^= x >> 2; return y + 1; }
            [MethodImpl(MethodImplOptions.NoInlining)] static int Unused(int x) { int y = x * 3; y ^= x >> 1; return y; }
            public static int Prog2(int a) => B(a);
            """);
        Assert.Empty(result.Diagnostics);
        var subprograms = result.Subprograms.ToDictionary(s => s.Name);
        int a = result.Subprograms.Single(s => s.Name.Contains("_A_")).Code.Length;
        int b = result.Subprograms.Single(s => s.Name.Contains("_B_")).Code.Length;
        Assert.Equal(result.Programs[0].Code.Length + a + b, InstructionLimits.LoadedLength(result.Programs[0], subprograms));
        Assert.Equal(result.Programs[1].Code.Length + b, InstructionLimits.LoadedLength(result.Programs[1], subprograms));
    }

    [Fact]
    public void A_program_over_the_limit_with_its_subprograms_is_BPF0011_and_is_dropped()
    {
        var (result, programs) = Synthetic("RawTracepoint", programLength: 600_000, subprogramLength: 400_001);
        InstructionLimits.Check(result, programs);
        Assert.Empty(result.Programs);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("BPF0011", d.Id);
        Assert.Equal("'Prog' is 1,000,001 instructions long with the subprograms it calls; the kernel loads at most 1,000,000 instructions per program (E2BIG). "
            + "Split the work into programs that tail-call each other, or inline less: a method called from many places and marked [MethodImpl(MethodImplOptions.NoInlining)] is appended once.", d.ToDiagnostic().GetMessage());
    }

    [Fact]
    public void Exactly_the_limit_is_accepted()
    {
        var (result, programs) = Synthetic("RawTracepoint", programLength: 600_000, subprogramLength: 400_000);
        InstructionLimits.Check(result, programs);
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Programs);
    }

    [Theory]
    [InlineData("SocketFilter", 4097, "socket filter")]
    [InlineData("CgroupSkb", 5000, "cgroup skb")]
    public void A_long_program_of_an_unprivileged_type_warns_BPF0012_and_is_kept(string kind, int length, string typeName)
    {
        var (result, programs) = Synthetic(kind, programLength: length - 10, subprogramLength: 10);
        InstructionLimits.Check(result, programs);
        Assert.Single(result.Programs);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("BPF0012", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.ToDiagnostic().Severity);
        Assert.Equal(length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), d.Arguments[1]);
        Assert.Equal(typeName, d.Arguments[2]);
    }

    [Fact]
    public void BPF0012_is_a_warning_through_the_generator_and_the_object_is_still_written()
    {
        string page = File.ReadAllText(Path.Combine(BpfSharp.Tests.Repo.Root, "docs", "diagnostics", "BPF0012.md"));
        var (run, _) = BpfSharp.Tests.Generator.GeneratorHarness.Run(BpfSharp.Tests.Diagnostics.DocsPageTests.Block(page, "Bad")!);
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("BPF0012", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        var elf = BpfSharp.Elf.ElfFile.Parse(BpfSharp.Tests.Generator.GeneratorHarness.ObjectOf(run, "Filter"));
        var section = elf.Sections.Single(s => s.Name == "socket");
        Assert.True(section.Data.Length / 8 > InstructionLimits.Unprivileged, $"{section.Data.Length / 8} instructions");
    }

    [Theory]
    [InlineData("SocketFilter", 4096)]
    [InlineData("Xdp", 5000)]
    [InlineData("RawTracepoint", 999_999)]
    public void No_warning_at_4096_or_for_types_that_need_privileges_anyway(string kind, int length)
    {
        var (result, programs) = Synthetic(kind, programLength: length - 10, subprogramLength: 10);
        InstructionLimits.Check(result, programs);
        Assert.Empty(result.Diagnostics);
    }

    /// <summary>A program "Prog" of the given length calling one subprogram, with the symbols of a real method.</summary>
    private static (CompilationResult, List<(IMethodSymbol, ProgramSpec)>) Synthetic(string kind, int programLength, int subprogramLength)
    {
        var compilation = CompilerHarness.Compile(CompilerHarness.Source("public static int Prog(int a) => a;"));
        var method = compilation.GetTypeByMetadataName("P")!.GetMembers("Prog").OfType<IMethodSymbol>().Single();
        var program = new CompiledFunction("Prog", Fill(programLength));
        program.Relocations.Add(new CodeRelocation(0, RelocationKind.Call, "sub"));
        program.Relocations.Add(new CodeRelocation(1, RelocationKind.Call, "sub"));
        var result = new CompilationResult();
        result.Programs.Add(program);
        result.Subprograms.Add(new CompiledFunction("sub", Fill(subprogramLength)));
        return (result, new() { (method, new ProgramSpec("Prog", Enum.Parse<ProgramKind>(kind), "section", "", null)) });
    }

    private static Instruction[] Fill(int length) => Enumerable.Repeat(BpfSharp.Asm.Asm.Mov64(Register.R0, 0), length).ToArray();
}
