using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>Small questions about operations that the flow analyses share.</summary>
internal static class OperationFacts
{
    public const string Namespace = "BpfSharp";

    public static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation c: operation = c.Operand; continue;
                case IParenthesizedOperation p: operation = p.Operand; continue;
                default: return operation;
            }
        }
    }

    /// <summary>What a flow analysis tracks a value by: a local, a parameter, or a flow capture (a compiler temporary).</summary>
    public static object? KeyOf(IOperation operation) => Strip(operation) switch
    {
        ILocalReferenceOperation l => l.Local,
        IParameterReferenceOperation p => p.Parameter,
        IFlowCaptureReferenceOperation c => c.Id,
        _ => null,
    };

    public static bool IsNullConstant(IOperation operation)
    {
        var stripped = Strip(operation);
        if (stripped is IDefaultValueOperation)
            return true;
        if (!stripped.ConstantValue.HasValue)
            return false;
        return stripped.ConstantValue.Value switch
        {
            null => true,
            int i => i == 0,
            long l => l == 0,
            uint u => u == 0,
            ulong ul => ul == 0,
            _ => false,
        };
    }

    public static bool IsInBpfNamespace(ISymbol? symbol)
    {
        for (var ns = symbol?.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.Name == Namespace && ns.ContainingNamespace.IsGlobalNamespace)
                return true;
        }
        return false;
    }

    public static bool HasAttribute(ISymbol symbol, string name) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.Name == name);

    /// <summary>The helper id of a <c>[BpfHelper]</c> method, or null.</summary>
    public static int? HelperIdOf(IMethodSymbol method)
    {
        foreach (var attribute in method.OriginalDefinition.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "BpfHelperAttribute" && IsInBpfNamespace(attribute.AttributeClass)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int id)
                return id;
        }
        return null;
    }

    /// <summary>
    /// The syntax that dereferences the pointer <paramref name="reference"/> names (<c>*p</c>, <c>p-&gt;f</c>,
    /// <c>p[i]</c>, also through casts such as <c>((Hdr*)p)-&gt;f</c>), or null when it is not dereferenced there.
    /// Syntax, because Roslyn has no public operation for pointer indirection.
    /// </summary>
    public static ExpressionSyntax? DereferenceOf(SyntaxNode reference)
    {
        SyntaxNode node = reference;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            node = node.Parent;
        return node.Parent switch
        {
            PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.PointerIndirectionExpression) => u,
            MemberAccessExpressionSyntax m when m.IsKind(SyntaxKind.PointerMemberAccessExpression) && m.Expression == node => m,
            ElementAccessExpressionSyntax e when e.Expression == node => e,
            _ => null,
        };
    }

    /// <summary>The operation <paramref name="operation"/> is an operand of, past conversions and parentheses.</summary>
    public static IOperation? Consumer(IOperation operation, out IOperation operand)
    {
        operand = operation;
        while (operand.Parent is IConversionOperation or IParenthesizedOperation)
            operand = operand.Parent;
        return operand.Parent;
    }
}
