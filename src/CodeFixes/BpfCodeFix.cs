using System;
using System.Collections.Immutable;
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
/// What every BpfSharp fix shares: one diagnostic ID, the reported node found in the document, one action offered
/// per diagnostic, and the edits fixes make (insert a statement before another, replace a node), formatted.
/// A fix only says what it changes, in <see cref="Plan"/>.
/// </summary>
public abstract class BpfCodeFix : CodeFixProvider
{
    private readonly string _id;

    protected BpfCodeFix(string id) => _id = id;

    /// <summary>A planned change: its title in the editor and the edit of the document's root.</summary>
    protected sealed class Fix
    {
        public Fix(string title, Func<SyntaxNode, SemanticModel, SyntaxNode> edit)
        {
            Title = title;
            Edit = edit;
        }

        public string Title { get; }

        public Func<SyntaxNode, SemanticModel, SyntaxNode> Edit { get; }
    }

    /// <summary>The reported diagnostic and the innermost node at its location.</summary>
    protected sealed class Reported
    {
        public Reported(Diagnostic diagnostic, SyntaxNode node)
        {
            Diagnostic = diagnostic;
            Node = node;
        }

        public Diagnostic Diagnostic { get; }

        public SyntaxNode Node { get; }

        public string Message => Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(_id);

    public override FixAllProvider? GetFixAllProvider() => null;

    /// <summary>The change for <paramref name="reported"/>, or null when it has no mechanical fix.</summary>
    protected abstract Fix? Plan(Reported reported);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        var diagnostic = context.Diagnostics.First();
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (Plan(new Reported(diagnostic, node)) is not { } fix)
            return;
        var document = context.Document;
        context.RegisterCodeFix(CodeAction.Create(fix.Title, ct => Apply(document, root, fix, ct), equivalenceKey: _id), diagnostic);
    }

    private static async Task<Document> Apply(Document document, SyntaxNode root, Fix fix, CancellationToken ct)
    {
        var model = (await document.GetSemanticModelAsync(ct).ConfigureAwait(false))!;
        return document.WithSyntaxRoot(fix.Edit(root, model));
    }

    /// <summary>
    /// <paramref name="inserted"/> before (or after) <paramref name="anchor"/>; a statement that is not in a block
    /// (the body of an if without braces) becomes a block of both.
    /// </summary>
    protected static SyntaxNode Insert(SyntaxNode root, StatementSyntax anchor, StatementSyntax inserted, bool after = false)
    {
        inserted = inserted.WithAdditionalAnnotations(Formatter.Annotation);
        if (anchor.Parent is not BlockSyntax)
        {
            var block = after ? SyntaxFactory.Block(anchor, inserted) : SyntaxFactory.Block(inserted, anchor);
            return root.ReplaceNode(anchor, block.WithAdditionalAnnotations(Formatter.Annotation));
        }
        return after ? root.InsertNodesAfter(anchor, new[] { inserted }) : root.InsertNodesBefore(anchor, new[] { inserted });
    }

    /// <summary><paramref name="modifiers"/> with <paramref name="kind"/> added where C# style puts it: access, static, readonly, unsafe, ..., partial last.</summary>
    protected static SyntaxTokenList WithModifier(SyntaxTokenList modifiers, SyntaxKind kind)
    {
        if (modifiers.Any(kind))
            return modifiers;
        var token = SyntaxFactory.Token(kind).WithTrailingTrivia(SyntaxFactory.Space);
        int at = 0;
        while (at < modifiers.Count && Rank(modifiers[at].Kind()) <= Rank(kind))
            at++;
        if (at == 0 && modifiers.Count > 0)
        {
            // The declaration's leading trivia (indentation, comments) stays in front.
            token = token.WithLeadingTrivia(modifiers[0].LeadingTrivia);
            modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia());
        }
        return modifiers.Insert(at, token);
    }

    private static int Rank(SyntaxKind kind) => kind switch
    {
        SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.FileKeyword => 0,
        SyntaxKind.NewKeyword => 1,
        SyntaxKind.StaticKeyword => 2,
        SyntaxKind.ReadOnlyKeyword => 4,
        SyntaxKind.PartialKeyword => 9,
        _ => 5,
    };
}
