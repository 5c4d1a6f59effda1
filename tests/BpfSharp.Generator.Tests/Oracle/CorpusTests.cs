using BpfSharp.Tests;

namespace BpfSharp.Generator.Tests.Oracle;

/// <summary>
/// The differential corpus: every public static method under Oracle/Corpus runs as .NET and in the kernel on its
/// declared inputs and the edge values of its parameter types; results must be equal.
/// </summary>
public class CorpusTests
{
    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Oracle", "Corpus");

    internal static (string Path, string Text)[] Sources() =>
        Directory.GetFiles(CorpusDirectory, "*.cs").Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllText(p))).ToArray();

    [Fact]
    public void Corpus_runs_the_same_in_the_clr_and_the_kernel()
    {
        KernelGate.Require();
        var compilation = DifferentialRunner.Compile("OracleCorpus", Sources());
        var report = DifferentialRunner.Run(compilation, m => m.ContainingNamespace.ToDisplayString() == "BpfSharp.Oracle.Corpus",
            InputSets.For, KnownIssues.Corpus);

        BpfSharp.Tests.SuiteReport.Line("differential corpus: " + report.Summary);
        Assert.True(!report.Failures.Any(), report.Describe(limit: 10));
        Assert.True(report.Programs >= 60, report.Summary);
    }

    /// <summary>
    /// The same corpus the way users build it: [BpfProgram] entry points, the source generator, the ELF object, the
    /// runtime's loader. Methods that use maps run only here.
    /// </summary>
    [Fact]
    public void Corpus_runs_the_same_through_the_generator_and_the_object_loader()
    {
        KernelGate.Require();
        var report = ObjectPathRunner.Run(Sources(), m => m.ContainingNamespace.ToDisplayString() == "BpfSharp.Oracle.Corpus",
            InputSets.For, KnownIssues.Corpus);

        BpfSharp.Tests.SuiteReport.Line("differential corpus, object path: " + report.Summary);
        Assert.True(!report.Failures.Any(), report.Describe(limit: 10));
        Assert.True(report.Programs >= 60, report.Summary);
    }
}
