using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.CodeFixes;

/// <summary>
/// BPF0009: checked arithmetic, which would throw on overflow. Turns the enclosing <c>checked(...)</c> or
/// <c>checked { }</c> into its unchecked form (wrapping, as eBPF and the CLR's default do); under the project's
/// CheckForOverflowUnderflow, wraps the expression in <c>unchecked(...)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CheckedArithmeticCodeFix)), Shared]
public sealed class CheckedArithmeticCodeFix : BpfCodeFix
{
    public const string Id = "BPF0009";

    public CheckedArithmeticCodeFix() : base(Id)
    {
    }

    protected override Fix? Plan(Reported reported)
    {
        foreach (var node in reported.Node.AncestorsAndSelf())
        {
            switch (node)
            {
                case CheckedExpressionSyntax expression when expression.IsKind(SyntaxKind.CheckedExpression):
                    return new Fix("Use unchecked arithmetic", (root, _) => root.ReplaceNode(expression,
                        SyntaxFactory.CheckedExpression(SyntaxKind.UncheckedExpression, SyntaxFactory.Token(SyntaxKind.UncheckedKeyword).WithTriviaFrom(expression.Keyword),
                            expression.OpenParenToken, expression.Expression, expression.CloseParenToken)));
                case CheckedStatementSyntax statement when statement.IsKind(SyntaxKind.CheckedStatement):
                    return new Fix("Use unchecked arithmetic", (root, _) => root.ReplaceNode(statement,
                        SyntaxFactory.CheckedStatement(SyntaxKind.UncheckedStatement, SyntaxFactory.Token(SyntaxKind.UncheckedKeyword).WithTriviaFrom(statement.Keyword), statement.Block)));
                case CheckedExpressionSyntax or CheckedStatementSyntax:
                    return null;
            }
        }
        if (reported.Node is not ExpressionSyntax checkedByProject)
            return null;
        return new Fix("Use unchecked arithmetic", (root, _) => root.ReplaceNode(checkedByProject,
            SyntaxFactory.CheckedExpression(SyntaxKind.UncheckedExpression, checkedByProject.WithoutTrivia()).WithTriviaFrom(checkedByProject)));
    }
}
