using System.Text.RegularExpressions;
using BpfSharp.Tests.Generator;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Tests.Diagnostics;

/// <summary>
/// The broken-program corpus: each file under Diagnostics/Corpus marks every diagnostic it must produce with
/// <c>/*!BPFxxxx*/</c> right before the offending construct. The runner compiles each through the generator and
/// demands exactly those (ID, position) pairs, no more, no fewer.
/// </summary>
public class CorpusTests
{
    private static readonly Regex Marker = new(@"/\*!(BPF\d{4})\*/\s*", RegexOptions.Compiled);

    public static string CorpusDirectory => Path.Combine(Repo.Root, "tests", "BpfSharp.Generator.Tests", "Diagnostics", "Corpus");

    public static string SupportSource => File.ReadAllText(Path.Combine(CorpusDirectory, "_Support.cs"));

    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*.cs").Where(f => !Path.GetFileName(f).StartsWith('_')).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void Corpus_has_at_least_40_broken_programs()
    {
        Assert.True(Programs().Count >= 40, $"only {Programs().Count} corpus programs");
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_produces_exactly_its_marked_diagnostics(string name)
    {
        string source = File.ReadAllText(Path.Combine(CorpusDirectory, name));
        var expected = Marker.Matches(source).Select(m => (Id: m.Groups[1].Value, Position: m.Index + m.Length)).ToList();
        Assert.NotEmpty(expected);

        var (result, output) = GeneratorHarness.Run(source, SupportSource);
        var inputErrors = GeneratorHarness.CreateCompilation(source, SupportSource).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(inputErrors.Count == 0, "the corpus program must be valid C#: " + string.Join("; ", inputErrors));

        var actual = result.Diagnostics
            .Where(d => d.Location.GetLineSpan().Path == "Program0.cs")
            .Select(d => (Id: d.Id, Position: d.Location.SourceSpan.Start))
            .ToList();
        var describe = string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString()));
        Assert.True(expected.Order().SequenceEqual(actual.Order()),
            $"expected {string.Join(", ", expected.Select(e => Where(source, e)))}{Environment.NewLine}got:{Environment.NewLine}{describe}");
        Assert.All(result.Diagnostics, d => Assert.Equal("Program0.cs", d.Location.GetLineSpan().Path));
    }

    private static string Where(string source, (string Id, int Position) e)
    {
        int line = source.Take(e.Position).Count(c => c == '\n') + 1;
        return $"{e.Id}@{line}:{source.Substring(e.Position, Math.Min(20, source.Length - e.Position)).Split('\n')[0]}";
    }
}
