using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Tests.Oracle.Random;

/// <summary>
/// Csmith-style differential testing: seeded random programs, each run in the CLR and in the kernel.
/// Replay one program with <c>BPFSHARP_SEED=&lt;seed&gt; dotnet test tests/BpfSharp.Generator.Tests --filter FullyQualifiedName~RandomDifferential</c>
/// (BPFSHARP_PROGRAMS sets how many consecutive seeds run; 1 when a seed is given).
/// </summary>
public class RandomDifferentialTests
{
    private const int DefaultSeed = 20250601;
    private const int DefaultPrograms = 500;
    private const int InputsPerProgram = 10;

    [Fact]
    public void Random_programs_run_the_same_in_the_clr_and_the_kernel()
    {
        KernelGate.Require();
        string? seedText = Environment.GetEnvironmentVariable("BPFSHARP_SEED");
        int baseSeed = seedText is null ? DefaultSeed : int.Parse(seedText, CultureInfo.InvariantCulture);
        int count = int.TryParse(Environment.GetEnvironmentVariable("BPFSHARP_PROGRAMS"), out int n) ? n : seedText is null ? DefaultPrograms : 1;
        var features = Probe();

        var clock = Stopwatch.StartNew();
        var programs = Enumerable.Range(0, count).Select(i => ProgramGenerator.Generate(unchecked(baseSeed + i), features)).ToList();
        var bySeedClass = programs.ToDictionary(p => p.ClassName + "." + p.MethodName);
        var compilation = DifferentialRunner.Compile("OracleRandom", programs.Select(p => (p.ClassName + ".cs", p.Source)));
        var generated = clock.Elapsed;
        var report = DifferentialRunner.Run(compilation, m => m.Name == "Run", method => Inputs(method));

        string summary = $"random differential: seeds {baseSeed}..{baseSeed + count - 1}, calls {(features.Calls ? "on" : "off (not supported yet)")}, " +
            $"{report.Summary}, {clock.Elapsed.TotalSeconds:0.0} s ({generated.TotalSeconds:0.0} s generating and compiling C#)";
        BpfSharp.Tests.SuiteReport.Line(summary);
        Assert.True(!report.Failures.Any(), report.Describe(name =>
        {
            var program = bySeedClass[name];
            return $"seed {program.Seed}: replay with BPFSHARP_SEED={program.Seed} dotnet test tests/BpfSharp.Generator.Tests --filter FullyQualifiedName~RandomDifferential\n{program.Source}";
        }, limit: 3));
        Assert.Equal(count, report.Programs);
    }

    [Fact]
    public void The_same_seed_gives_the_same_program()
    {
        var features = new GeneratorFeatures(Calls: true);
        Assert.Equal(ProgramGenerator.Generate(42, features).Source, ProgramGenerator.Generate(42, features).Source);
        Assert.NotEqual(ProgramGenerator.Generate(42, features).Source, ProgramGenerator.Generate(43, features).Source);
    }

    [Fact]
    public void Generated_programs_are_valid_csharp()
    {
        var features = new GeneratorFeatures(Calls: true);
        var programs = Enumerable.Range(1, 300).Select(seed => ProgramGenerator.Generate(seed, features)).ToList();
        DifferentialRunner.Compile("OracleRandomSyntax", programs.Select(p => (p.ClassName + ".cs", p.Source)));
    }

    /// <summary>The first rows are all-zero and all-ones; the rest pick edge values per parameter, seeded by the program.</summary>
    private static IReadOnlyList<object[]> Inputs(MethodInfo method)
    {
        var types = method.GetParameters().Select(p => p.ParameterType).ToArray();
        var random = new System.Random(int.Parse(method.DeclaringType!.Name.AsSpan(1), CultureInfo.InvariantCulture));
        var rows = new List<object[]>
        {
            types.Select(t => IntegerValues.ToClr(0, t)).ToArray(),
            types.Select(t => IntegerValues.ToClr(-1, t)).ToArray(),
        };
        while (rows.Count < InputsPerProgram)
        {
            rows.Add(types.Select(t =>
            {
                var edges = IntegerValues.Edges(t);
                long value = random.Next(3) == 0 ? random.NextInt64() : edges[random.Next(edges.Length)];
                return IntegerValues.ToClr(value, t);
            }).ToArray());
        }
        return rows;
    }

    /// <summary>Calls to user methods are generated only once the compiler under test compiles them.</summary>
    private static GeneratorFeatures Probe()
    {
        var compilation = DifferentialRunner.Compile("OracleProbe", new[] { ("Probe.cs",
            "public static class Probe { [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)] static int H(int a) => a + 1; public static int Run(int a) => H(a) + H(a + 1); }") });
        var type = compilation.GetTypeByMetadataName("Probe")!;
        var method = type.GetMembers("Run").OfType<IMethodSymbol>().Single();
        var result = BpfCompiler.CompileClass(type, new[] { (method, new ProgramSpec("Run", ProgramKind.RawTracepoint, "raw_tracepoint/probe", "probe", null)) },
            compilation, CancellationToken.None);
        return new GeneratorFeatures(Calls: result.Diagnostics.Count == 0);
    }
}
