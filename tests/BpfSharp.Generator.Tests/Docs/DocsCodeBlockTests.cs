using BpfSharp.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.Tests.Docs;

/// <summary>
/// Every ```csharp block under docs/ (except docs/diagnostics/, whose pages DocsPageTests checks) compiles, so the
/// guide cannot rot. The conventions are documented in docs/README.md: a block is a whole file unless a
/// <c>&lt;!-- snippet: members --&gt;</c> or <c>&lt;!-- snippet: statements --&gt;</c> comment precedes it, and
/// a block without [BpfProgram] compiles together with the nearest program block above it on the same page.
/// </summary>
public class DocsCodeBlockTests
{
    public static TheoryData<string> Blocks()
    {
        var data = new TheoryData<string>();
        foreach (var page in DocsBlocks.Pages())
        {
            foreach (var block in DocsBlocks.Read(page))
                data.Add(block.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_compiles(string id)
    {
        var (page, block, context) = DocsBlocks.Find(id);
        var sources = context is null ? new[] { block.Source() } : new[] { context.Source(), block.Source() };
        var compilation = GeneratorHarness.CreateCompilation(sources.Append(DocsBlocks.ImplicitUsings).ToArray());
        if (compilation.SyntaxTrees.Any(t => t.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any()))
            compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));

        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        var generated = driver.GetRunResult().Diagnostics;
        Assert.True(generated.IsEmpty, $"{page} block {block.Index} (line {block.Line}):\n" + string.Join("\n", generated));
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{page} block {block.Index} (line {block.Line}):\n" + string.Join("\n", errors));
    }

    [Fact]
    public void The_guide_has_code_blocks_and_program_blocks_among_them()
    {
        var blocks = DocsBlocks.Pages().SelectMany(DocsBlocks.Read).ToList();
        Assert.True(blocks.Count >= 20, $"only {blocks.Count} csharp blocks found under docs/");
        Assert.Contains(blocks, b => b.IsProgram);
        Assert.Contains(blocks, b => b.Kind == SnippetKind.Statements);
    }
}
