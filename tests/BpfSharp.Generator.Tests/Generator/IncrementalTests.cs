using System.Diagnostics;
using BpfSharp.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BpfSharp.Tests.Generator;

/// <summary>
/// The pipeline caches: an edit outside program classes regenerates nothing, an edit inside one program class
/// regenerates only that class, and an edit to what a class reads elsewhere recompiles it. The time these
/// save is measured in <see cref="GeneratorTimeTests"/>.
/// </summary>
public class IncrementalTests
{
    internal static string Program(int i, string extra = "") => $$"""
        using BpfSharp;
        namespace Demo;
        public static partial class Prog{{i}}
        {
            [BpfProgram, RawTracepoint("sys_enter")]
            public static int Run(RawTracepointContext ctx)
            {
                int x = {{i}};
                for (int k = 0; k < 4; k++)
                    x += k;
                Bpf.Printk("prog {{i}} %d\n", x{{extra}});
                return 0;
            }
        }
        """;

    internal const string Unrelated = "namespace Demo; public static class Util { public static int Twice(int x) => 2 * x; }";

    private static (CSharpCompilation Compilation, GeneratorDriver Driver) Start(int programs)
    {
        var sources = Enumerable.Range(0, programs).Select(i => Program(i)).Append(Unrelated).ToArray();
        var compilation = GeneratorHarness.CreateCompilation(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        return (compilation, driver);
    }

    internal static CSharpCompilation Replace(CSharpCompilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, old.FilePath));
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(r => r.Outputs).Select(o => o.Reason)
            : Enumerable.Empty<IncrementalStepRunReason>();

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached()
    {
        var (compilation, driver) = Start(3);
        compilation = Replace(compilation, 3, Unrelated.Replace("2 * x", "3 * x"));
        driver = driver.RunGenerators(compilation);

        foreach (var step in new[] { StepNames.ProgramClasses, StepNames.Diagnostics, StepNames.Models })
            Assert.All(Reasons(driver, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        Assert.All(driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Edit_inside_one_program_class_regenerates_only_that_class()
    {
        var (compilation, driver) = Start(3);
        compilation = Replace(compilation, 1, Program(1, " + 1"));
        driver = driver.RunGenerators(compilation);

        var models = Reasons(driver, StepNames.Models).ToList();
        Assert.Equal(1, models.Count(r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
        Assert.Equal(2, models.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs).ToList();
        Assert.Equal(1, outputs.Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));
    }

    [Fact]
    public void Edit_to_a_struct_a_program_uses_in_another_file_recompiles_it()
    {
        const string constants = "namespace Demo; public static class Limits { public const int Max = 4; }";
        string program = Program(0).Replace("k < 4", "k < Limits.Max");
        var compilation = GeneratorHarness.CreateCompilation(program, constants, Unrelated);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = GeneratorHarness.ObjectOf(driver.GetRunResult(), "Prog0");

        compilation = Replace(compilation, 1, constants.Replace("Max = 4", "Max = 9"));
        driver = driver.RunGenerators(compilation);
        Assert.NotEqual(before, GeneratorHarness.ObjectOf(driver.GetRunResult(), "Prog0"));
    }

    [Fact]
    public void Edit_outside_the_class_in_a_program_file_regenerates_nothing()
    {
        var (compilation, driver) = Start(3);
        // A new tree, so new nodes: the class's key is built again, and equals the last one by content.
        compilation = Replace(compilation, 1, Program(1) + "\n// a note after the class\n");
        driver = driver.RunGenerators(compilation);

        Assert.All(Reasons(driver, StepNames.Models), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Rebuilt_reference_at_the_same_path_recompiles_the_program_that_uses_it()
    {
        // Same path, new metadata: the key follows the metadata's identity, not the reference's display name.
        static MetadataReference Library(int max)
        {
            var library = CSharpCompilation.Create("Limits",
                new[] { CSharpSyntaxTree.ParseText($"namespace Lib; public static class Limits {{ public const int Max = {max}; }}", GeneratorHarness.ParseOptions) },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            Assert.True(library.Emit(image).Success);
            return MetadataReference.CreateFromImage(image.ToArray(), filePath: "/nonexistent/Limits.dll");
        }

        var before = Library(4);
        var compilation = GeneratorHarness.CreateCompilation(Program(0).Replace("k < 4", "k < Lib.Limits.Max"), Unrelated).AddReferences(before);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = GeneratorHarness.ObjectOf(driver.GetRunResult(), "Prog0");
        Assert.Empty(driver.GetRunResult().Diagnostics);

        driver = driver.RunGenerators(compilation.ReplaceReference(before, Library(9)));
        Assert.NotEqual(first, GeneratorHarness.ObjectOf(driver.GetRunResult(), "Prog0"));
    }
}
