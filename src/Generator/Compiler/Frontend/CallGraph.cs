using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>Finds recursion among the user's methods, which eBPF cannot run (and inlining could not end).</summary>
internal static class CallGraph
{
    public static bool IsRecursive(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken, out IMethodSymbol through)
    {
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var work = new Stack<(IMethodSymbol Method, IMethodSymbol First)>();
        foreach (var callee in Callees(method, compilation, cancellationToken))
            work.Push((callee, callee));
        while (work.Count > 0)
        {
            var (current, first) = work.Pop();
            if (SymbolEqualityComparer.Default.Equals(current, method))
            {
                through = first;
                return true;
            }
            if (!visited.Add(current)) continue;
            foreach (var callee in Callees(current, compilation, cancellationToken))
                work.Push((callee, first));
        }
        through = method;
        return false;
    }

    private static IEnumerable<IMethodSymbol> Callees(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!MethodBody.TryGet(method, compilation, cancellationToken, out var body))
            return Enumerable.Empty<IMethodSymbol>();
        return body.Operation.DescendantsAndSelf().OfType<IInvocationOperation>()
            .Select(i => i.TargetMethod.OriginalDefinition)
            .Where(m => m.DeclaringSyntaxReferences.Length > 0 && SymbolEqualityComparer.Default.Equals(m.ContainingAssembly, compilation.Assembly));
    }
}
