using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BpfSharp.Generator.Diagnostics;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace BpfSharp.Generator.Analysis;

/// <summary>
/// Runs the build-time checks on a class's programs and on every source method they call, before the compiler:
/// what the verifier would reject at load time (null checks, packet bounds, helper permissions, licenses) and what
/// the compiler cannot express, each reported at the construct. Never throws: a fault becomes BPF9999 at the method.
/// </summary>
internal static class ProgramAnalyzer
{
    /// <summary>A class carrying an attribute of this simple name (declared by a test, not shipped) is not analysed: the verifier twins load what the analyses would refuse.</summary>
    public const string DisableAttributeName = "BpfSharpDisableAnalysisAttribute";

    public static bool IsDisabled(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.Name == DisableAttributeName);

    public static void AnalyzeClass(IReadOnlyList<(IMethodSymbol Method, ProgramSpec Spec)> programs, string license,
        Compilation compilation, DiagnosticSink sink, CancellationToken ct)
    {
        var graphs = new MethodGraphs(compilation, ct);
        var flowDone = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var (program, spec) in programs)
        {
            foreach (var method in Reachable(program, graphs))
            {
                ct.ThrowIfCancellationRequested();
                if (graphs.BodyOf(method) is not { } body)
                    continue;
                try
                {
                    HelperUseAnalysis.Analyze(body, spec.MethodName, spec.Section, license, sink);
                    if (!flowDone.Add(method))
                        continue;
                    PrintkAnalysis.Analyze(body, sink);
                    SubsetAnalysis.Analyze(method, body, sink);
                    if (graphs.GraphOf(method) is { } graph)
                    {
                        NullCheckAnalysis.Analyze(method, graph, sink);
                        PacketBoundsAnalysis.Analyze(graph, graphs, sink);
                    }
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    sink.Add(DiagnosticDescriptors.InternalError, method.Locations.FirstOrDefault(), method.Name,
                        "analysis: " + ex.GetType().Name + ": " + ex.Message);
                }
            }
        }
    }

    /// <summary>The program and the source methods it calls, transitively, each once.</summary>
    private static List<IMethodSymbol> Reachable(IMethodSymbol program, MethodGraphs graphs)
    {
        var order = new List<IMethodSymbol>();
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IMethodSymbol>();
        pending.Push(program);
        while (pending.Count > 0 && order.Count < 256)
        {
            var method = pending.Pop();
            if (!seen.Add(method))
                continue;
            order.Add(method);
            if (graphs.BodyOf(method) is not { } body)
                continue;
            foreach (var invocation in body.Descendants().OfType<IInvocationOperation>())
            {
                var target = invocation.TargetMethod.OriginalDefinition;
                if (target.DeclaringSyntaxReferences.Length > 0 && !OperationFacts.IsInBpfNamespace(target.ContainingType))
                    pending.Push(target);
            }
        }
        return order;
    }
}
