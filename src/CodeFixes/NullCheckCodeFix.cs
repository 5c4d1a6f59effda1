using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
/// BPF0200: a pointer that may be null is used. Inserts <c>if (p == null) return ...;</c> right after the statement
/// that assigned it (its declaration when that is in the same block), so every later use is checked, or just before
/// the using statement when the assignment is elsewhere.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullCheckCodeFix)), Shared]
public sealed class NullCheckCodeFix : CodeFixProvider
{
    public const string Id = "BPF0200";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Id);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        var diagnostic = context.Diagnostics.First();
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (PointerName(node) is not { } name || node.FirstAncestorOrSelf<StatementSyntax>() is not { } use)
            return;
        context.RegisterCodeFix(
            CodeAction.Create($"Return early when '{name.Identifier.Text}' is null",
                ct => InsertCheck(context.Document, use, name.Identifier.Text, ct), equivalenceKey: Id),
            diagnostic);
    }

    /// <summary>The pointer the use goes through: the identifier inside the reported dereference, element access or argument.</summary>
    private static IdentifierNameSyntax? PointerName(SyntaxNode node) =>
        node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().FirstOrDefault(i => i.Parent is not MemberAccessExpressionSyntax { Name: var n } || n != i);

    private static async Task<Document> InsertCheck(Document document, StatementSyntax use, string name, CancellationToken ct)
    {
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        var root = (await document.GetSyntaxRootAsync(ct).ConfigureAwait(false))!;
        var check = SyntaxFactory.IfStatement(
                SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, SyntaxFactory.IdentifierName(name),
                    SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)),
                ProgramReturn.For(use, model))
            .WithAdditionalAnnotations(Formatter.Annotation);

        // After the assignment when it is an earlier statement of the same block; otherwise just before the use.
        var anchor = use;
        bool after = false;
        if (use.Parent is BlockSyntax block)
        {
            var assignment = block.Statements.TakeWhile(s => s != use).LastOrDefault(s => Assigns(s, name));
            if (assignment is not null)
            {
                anchor = assignment;
                after = true;
            }
        }
        if (anchor.Parent is not BlockSyntax)
        {
            var wrapped = SyntaxFactory.Block(check, anchor).WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root.ReplaceNode(anchor, wrapped));
        }
        var newRoot = after ? root.InsertNodesAfter(anchor, new[] { check }) : root.InsertNodesBefore(anchor, new[] { check });
        return document.WithSyntaxRoot(newRoot);
    }

    private static bool Assigns(StatementSyntax statement, string name) => statement switch
    {
        LocalDeclarationStatementSyntax declaration => declaration.Declaration.Variables.Any(v => v.Identifier.Text == name),
        ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } } => left.Identifier.Text == name,
        _ => false,
    };
}
