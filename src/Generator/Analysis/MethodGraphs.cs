using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// Bodies and control-flow graphs of a class's source methods, built once per class and shared by the analyses,
/// so a method followed from several call sites (and analysed on its own) has one graph, whose operations stay the
/// same objects across passes.
/// </summary>
internal sealed class MethodGraphs
{
    private readonly Compilation _compilation;
    private readonly CancellationToken _ct;
    private readonly Dictionary<IMethodSymbol, IMethodBodyOperation?> _bodies = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, ControlFlowGraph?> _graphs = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ControlFlowGraph, IMethodSymbol> _methods = new();
    private readonly Dictionary<IMethodSymbol, HashSet<SyntaxNode>> _failures = new(SymbolEqualityComparer.Default);

    /// <summary>Followed callees already solved, for the packet-bounds analysis.</summary>
    public PacketCallCache PacketCalls { get; } = new();

    public MethodGraphs(Compilation compilation, CancellationToken ct)
    {
        _compilation = compilation;
        _ct = ct;
    }

    /// <summary>The body of a method declared in this compilation's source, or null.</summary>
    public IMethodBodyOperation? BodyOf(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (_bodies.TryGetValue(method, out var cached))
            return cached;
        IMethodBodyOperation? body = null;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_ct) is BaseMethodDeclarationSyntax { } declaration && (declaration.Body is not null || declaration.ExpressionBody is not null)
                && _compilation.ContainsSyntaxTree(declaration.SyntaxTree))
            {
                body = _compilation.GetSemanticModel(declaration.SyntaxTree).GetOperation(declaration, _ct) as IMethodBodyOperation;
                break;
            }
        }
        _bodies[method] = body;
        return body;
    }

    /// <summary>The graph of a source method whose body binds without errors (code that does not bind has no reliable flow), or null.</summary>
    public ControlFlowGraph? GraphOf(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (_graphs.TryGetValue(method, out var cached))
            return cached;
        ControlFlowGraph? graph = null;
        if (BodyOf(method) is { } body && !HasErrors(body))
        {
            graph = ControlFlowGraph.Create(body, _ct);
            _methods[graph] = method;
        }
        _graphs[method] = graph;
        return graph;
    }

    public static bool HasErrors(IOperation body) => body.DescendantsAndSelf().Any(o => o is IInvalidOperation);

    /// <summary>Whether <paramref name="graph"/> is the graph of <paramref name="method"/> (a call back into the method being analysed).</summary>
    public bool IsRoot(ControlFlowGraph graph, IMethodSymbol method) =>
        _methods.TryGetValue(graph, out var owner) && SymbolEqualityComparer.Default.Equals(owner, method.OriginalDefinition);

    /// <summary>The packet accesses of <paramref name="method"/> that fail on their own, whatever its callers pass.</summary>
    public HashSet<SyntaxNode> FailuresOf(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (_failures.TryGetValue(method, out var cached))
            return cached;
        _failures[method] = new HashSet<SyntaxNode>(); // a recursive cycle sees none; recursion is its own error
        var failures = GraphOf(method) is { } graph ? PacketBoundsAnalysis.FailuresOf(graph, this) : new HashSet<SyntaxNode>();
        _failures[method] = failures;
        return failures;
    }
}
