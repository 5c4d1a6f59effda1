using System.Collections.Immutable;
using BpfSharp.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace BpfSharp.Tests.CodeFixes;

/// <summary>
/// Applies a code fix the way the editor does: the generator reports on the source, the provider is offered each
/// diagnostic in an AdhocWorkspace document, and the first action's changed solution gives the new text.
/// </summary>
internal static class CodeFixHarness
{
    // The generator's descriptors stay internal to it; the editor sees the diagnostic's id, location and message.
    private static DiagnosticDescriptor Echo(string id) =>
        new(id, id, "{0}", "BpfSharp.Verifier", DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Fixes every <paramref name="id"/> diagnostic, one at a time, until the generator reports none.</summary>
    public static async Task<string> FixAll(CodeFixProvider provider, string id, string source)
    {
        for (int round = 0; round < 5; round++)
        {
            var reported = GeneratorHarness.Run(source).Result.Diagnostics.Where(d => d.Id == id).ToList();
            if (reported.Count == 0)
                return source;
            source = await FixOne(provider, reported[0], source);
        }
        throw new InvalidOperationException("the fix did not converge:\n" + source);
    }

    /// <summary>How many fixes <paramref name="provider"/> offers for the first <paramref name="id"/> diagnostic of <paramref name="source"/>.</summary>
    public static async Task<int> Offered(CodeFixProvider provider, string id, string source)
    {
        var reported = GeneratorHarness.Run(source).Result.Diagnostics.First(d => d.Id == id);
        using var workspace = new AdhocWorkspace();
        return (await Actions(workspace, provider, reported, source)).Actions.Count;
    }

    private static async Task<string> FixOne(CodeFixProvider provider, Diagnostic reported, string source)
    {
        using var workspace = new AdhocWorkspace();
        var (document, actions) = await Actions(workspace, provider, reported, source);
        var fix = Assert.Single(actions);
        var operations = await fix.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private static async Task<(Document Document, List<CodeAction> Actions)> Actions(AdhocWorkspace workspace, CodeFixProvider provider, Diagnostic reported, string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "UserPrograms", "UserPrograms",
            LanguageNames.CSharp, compilationOptions: compilation.Options, parseOptions: GeneratorHarness.ParseOptions,
            metadataReferences: compilation.References));
        var document = workspace.AddDocument(project.Id, "Program0.cs", SourceText.From(source));
        var tree = (await document.GetSyntaxTreeAsync())!;
        var diagnostic = Diagnostic.Create(Echo(reported.Id), Location.Create(tree, reported.Location.SourceSpan), reported.GetMessage());

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        Assert.Contains(reported.Id, provider.FixableDiagnosticIds);
        await provider.RegisterCodeFixesAsync(context);
        return (document, actions);
    }

    /// <summary>Everything the C# compiler and the generator report on <paramref name="source"/>.</summary>
    public static ImmutableArray<Diagnostic> AllDiagnostics(string source)
    {
        var (result, output) = GeneratorHarness.Run(source);
        return result.Diagnostics.AddRange(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
