using System.Globalization;
using BpfSharp.Bench.Codegen;
using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Bench;

/// <summary>
/// The codegen benchmark's C# twins (bench/BpfSharp.Bench/Programs, compiled here by the generator like any user
/// code) against their clang references (bench/c), both loaded by our runtime: the kernel's counts must meet the
/// compiler issue's bar, and both must do the same on every packet of the benchmark's corpus. The timing is the
/// benchmark's business (`BpfSharp.Bench codegen`), not the suite's.
/// </summary>
public sealed class CodegenTwinTests
{
    /// <summary>The issue's bar: C#÷clang at most 1.0 on the geometric mean and 1.25 for any program.</summary>
    private const double MeanBar = 1.0;
    private const double ProgramBar = 1.25;

    private static readonly Lazy<Dictionary<string, byte[]>> s_clangObjects = new(CompileReferences);

    private readonly ITestOutputHelper _output;

    public CodegenTwinTests(ITestOutputHelper output) => _output = output;

    [KernelFact]
    public void Twins_are_no_larger_than_clang_in_xlated_and_verified_instructions()
    {
        Kernel.Require();
        var rows = new List<(string Name, ProgramInfo Clang, ProgramInfo CSharp)>();
        foreach (var program in BenchPrograms.All)
        {
            using var clang = BpfObject.Load(ClangObject(program));
            using var csharp = BpfObject.Load(File.ReadAllBytes(program.CSharpObjectPath));
            rows.Add((program.Name, clang.Program(program.Name).Info, csharp.Program(program.Name).Info));
        }

        _output.WriteLine("program          xlated clang/C#       verified clang/C#");
        foreach (var (name, clang, csharp) in rows)
            _output.WriteLine(Invariant($"{name,-16} {clang.XlatedLength / 8,4} /{csharp.XlatedLength / 8,4} ({Ratio(csharp.XlatedLength, clang.XlatedLength):0.00})   {clang.VerifiedInstructions,4} /{csharp.VerifiedInstructions,4} ({Ratio(csharp.VerifiedInstructions, clang.VerifiedInstructions):0.00})"));
        double xlated = GeometricMean(rows.Select(r => Ratio(r.CSharp.XlatedLength, r.Clang.XlatedLength)));
        double verified = GeometricMean(rows.Select(r => Ratio(r.CSharp.VerifiedInstructions, r.Clang.VerifiedInstructions)));
        _output.WriteLine(Invariant($"geometric mean   xlated {xlated:0.000}   verified {verified:0.000}"));
        BpfSharp.Tests.SuiteReport.Line(Invariant($"codegen twins: {rows.Count} programs, C#/clang geometric mean xlated {xlated:0.000}, verified {verified:0.000}, largest {rows.Max(r => Math.Max(Ratio(r.CSharp.XlatedLength, r.Clang.XlatedLength), Ratio(r.CSharp.VerifiedInstructions, r.Clang.VerifiedInstructions))):0.00}"));

        Assert.Equal(BenchPrograms.All.Length, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.True(Ratio(r.CSharp.XlatedLength, r.Clang.XlatedLength) <= ProgramBar, $"{r.Name}: xlated {r.CSharp.XlatedLength / 8} vs clang {r.Clang.XlatedLength / 8}");
            Assert.True(Ratio(r.CSharp.VerifiedInstructions, r.Clang.VerifiedInstructions) <= ProgramBar, $"{r.Name}: verified {r.CSharp.VerifiedInstructions} vs clang {r.Clang.VerifiedInstructions}");
        });
        Assert.True(xlated <= MeanBar, Invariant($"xlated geometric mean {xlated:0.000}"));
        Assert.True(verified <= MeanBar, Invariant($"verified geometric mean {verified:0.000}"));
    }

    [KernelFact]
    public void Twins_return_the_same_leave_the_same_packets_and_maps()
    {
        Kernel.Require();
        var differences = new List<string>();
        foreach (var program in BenchPrograms.All)
        {
            using var clang = BpfObject.Load(ClangObject(program));
            using var csharp = BpfObject.Load(File.ReadAllBytes(program.CSharpObjectPath));
            differences.AddRange(Equivalence.Compare(program, clang, csharp));
        }
        _output.WriteLine($"{BenchPrograms.All.Length} programs × {Packets.Corpus().Count} packets");
        Assert.Empty(differences);
    }

    private static byte[] ClangObject(BenchProgram program) => s_clangObjects.Value[program.Name];

    /// <summary>Every reference built once per process, the way the benchmark builds it.</summary>
    private static Dictionary<string, byte[]> CompileReferences()
    {
        if (Tools.Find("clang") is null || !File.Exists("/usr/include/bpf/bpf_helpers.h"))
        {
            if (Kernel.InCi)
                Assert.Fail("clang and libbpf-dev (bpf/bpf_helpers.h) are needed to build bench/c.");
            Assert.Skip("clang or libbpf-dev is not installed");
        }
        string include = Directory.Exists("/usr/include/x86_64-linux-gnu") ? "/usr/include/x86_64-linux-gnu" : "/usr/include/aarch64-linux-gnu";
        using var work = Tools.CreateTempDirectory();
        var objects = new Dictionary<string, byte[]>();
        foreach (var program in BenchPrograms.All)
        {
            string output = work.File(program.Name + ".o");
            Tools.Run("clang", "-O2", "-g", "-target", "bpf", "-mcpu=v3", "-I" + include, "-c",
                Path.Combine(Repo.Root, "bench", "c", program.Name + ".c"), "-o", output);
            objects[program.Name] = File.ReadAllBytes(output);
        }
        return objects;
    }

    private static double Ratio(uint csharp, uint clang) => (double)csharp / clang;

    private static double GeometricMean(IEnumerable<double> ratios) => Math.Exp(ratios.Average(Math.Log));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
