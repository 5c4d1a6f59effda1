using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>A method's body as operations: a block, or the expression of an expression-bodied method.</summary>
internal readonly record struct MethodBody(IOperation Operation, bool IsExpression)
{
    public static bool TryGet(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken, out MethodBody body)
    {
        body = default;
        if (method.DeclaringSyntaxReferences.Length == 0) return false;
        if (method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not BaseMethodDeclarationSyntax decl) return false;
        var model = compilation.GetSemanticModel(decl.SyntaxTree);
        if (decl.Body is { } block && model.GetOperation(block, cancellationToken) is { } blockOperation)
        {
            body = new MethodBody(blockOperation, false);
            return true;
        }

        if (decl.ExpressionBody is { } arrow && model.GetOperation(decl, cancellationToken) is IMethodBodyOperation { ExpressionBody: { } expressionBlock })
        {
            // Roslyn wraps an expression body in a block holding a return (or an expression statement for void).
            var inner = expressionBlock.Operations.Length == 1 ? expressionBlock.Operations[0] : null;
            IOperation? expression = inner switch
            {
                IReturnOperation { ReturnedValue: { } v } => v,
                IExpressionStatementOperation e => e.Operation,
                _ => null,
            };
            body = expression is null ? new MethodBody(expressionBlock, false) : new MethodBody(expression, true);
            return true;
        }
        return false;
    }
}
