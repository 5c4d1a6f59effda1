using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.CodeFixes;

/// <summary>
/// BPF0200: a pointer that may be null is used. Inserts <c>if (p == null) return ...;</c> right after the statement
/// that assigned it (its declaration when that is in the same block), so every later use is checked, or just before
/// the using statement when the assignment is elsewhere.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullCheckCodeFix)), Shared]
public sealed class NullCheckCodeFix : BpfCodeFix
{
    public const string Id = "BPF0200";

    public NullCheckCodeFix() : base(Id)
    {
    }

    protected override Fix? Plan(Reported reported)
    {
        if (PointerName(reported.Node) is not { } name || reported.Node.FirstAncestorOrSelf<StatementSyntax>() is not { } use)
            return null;
        string pointer = name.Identifier.Text;
        return new Fix($"Return early when '{pointer}' is null", (root, model) =>
        {
            var check = SyntaxFactory.IfStatement(
                SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, SyntaxFactory.IdentifierName(pointer),
                    SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)),
                ProgramReturn.For(use, model));
            // After the assignment when it is an earlier statement of the same block; otherwise just before the use.
            var assignment = use.Parent is BlockSyntax block
                ? block.Statements.TakeWhile(s => s != use).LastOrDefault(s => Assigns(s, pointer))
                : null;
            return assignment is not null ? Insert(root, assignment, check, after: true) : Insert(root, use, check);
        });
    }

    /// <summary>The pointer the use goes through: the identifier inside the reported dereference, element access or argument.</summary>
    private static IdentifierNameSyntax? PointerName(SyntaxNode node) =>
        node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().FirstOrDefault(i => i.Parent is not MemberAccessExpressionSyntax { Name: var n } || n != i);

    private static bool Assigns(StatementSyntax statement, string name) => statement switch
    {
        LocalDeclarationStatementSyntax declaration => declaration.Declaration.Variables.Any(v => v.Identifier.Text == name),
        ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } } => left.Identifier.Text == name,
        _ => false,
    };
}
