using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.CodeFixes;

/// <summary>
/// The early return a fix inserts: the verdict that lets the packet through (XdpAction.Pass, TcAction.Ok...) when the
/// method returns such an enum, nothing for void, otherwise 0 (which is what every other program type ignores or
/// reads as "no action").
/// </summary>
internal static class ProgramReturn
{
    private static readonly string[] PassNames = { "Pass", "Ok", "Allow" };

    public static ReturnStatementSyntax For(SyntaxNode inside, SemanticModel? model)
    {
        var method = inside.AncestorsAndSelf().FirstOrDefault(m => m is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax);
        TypeSyntax? returnType = method switch
        {
            MethodDeclarationSyntax m => m.ReturnType,
            LocalFunctionStatementSyntax l => l.ReturnType,
            _ => null,
        };
        if (returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword })
            return SyntaxFactory.ReturnStatement();
        if (returnType is not null && model?.GetTypeInfo(returnType).Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } type)
        {
            var pass = PassNames.Select(n => type.GetMembers(n).OfType<IFieldSymbol>().FirstOrDefault()).FirstOrDefault(f => f is not null);
            if (pass is not null)
                return SyntaxFactory.ReturnStatement(SyntaxFactory.ParseExpression(returnType.ToString() + "." + pass.Name));
        }
        bool numeric = returnType is null || returnType is PredefinedTypeSyntax;
        return SyntaxFactory.ReturnStatement(numeric
            ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))
            : SyntaxFactory.ParseExpression("default"));
    }
}
