using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace BpfSharp.CodeFixes;

/// <summary>
/// BPF0201: packet bytes read beyond what a comparison with DataEnd has proven. Inserts
/// <c>if (data + n > ctx.DataEnd) return ...;</c> before the statement that reads them. The bound (pointer and byte
/// count) is the one the analysis computed and put in its message; the context is the method's first parameter.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PacketBoundsCodeFix)), Shared]
public sealed class PacketBoundsCodeFix : CodeFixProvider
{
    public const string Id = "BPF0201";

    // The message ends "check first, e.g. 'if (<bound> > ctx.DataEnd) return ...;'".
    private static readonly Regex Bound = new(@"'if \((?<bound>.+) > ctx\.DataEnd\) return \.\.\.;'", RegexOptions.CultureInvariant);

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Id);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        var diagnostic = context.Diagnostics.First();
        var match = Bound.Match(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (!match.Success || node.FirstAncestorOrSelf<StatementSyntax>() is not { } use
            || node.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.ParameterList.Parameters.FirstOrDefault() is not { } contextParameter)
            return;
        string condition = $"{match.Groups["bound"].Value} > {contextParameter.Identifier.Text}.DataEnd";
        context.RegisterCodeFix(
            CodeAction.Create($"Return early unless '{condition}' is false",
                ct => InsertCheck(context.Document, use, condition, ct), equivalenceKey: Id),
            diagnostic);
    }

    private static async Task<Document> InsertCheck(Document document, StatementSyntax use, string condition, CancellationToken ct)
    {
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        var root = (await document.GetSyntaxRootAsync(ct).ConfigureAwait(false))!;
        var check = SyntaxFactory.IfStatement(SyntaxFactory.ParseExpression(condition), ProgramReturn.For(use, model))
            .WithAdditionalAnnotations(Formatter.Annotation);
        if (use.Parent is not BlockSyntax)
            return document.WithSyntaxRoot(root.ReplaceNode(use, SyntaxFactory.Block(check, use).WithAdditionalAnnotations(Formatter.Annotation)));
        return document.WithSyntaxRoot(root.InsertNodesBefore(use, new[] { check }));
    }
}
