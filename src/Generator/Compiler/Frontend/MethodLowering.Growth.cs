using System;
using System.Collections.Generic;
using BpfSharp.Generator.Compiler.Ir;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// Inlining copies code, and nested copies multiply: sixteen calls of a method that makes sixteen calls, six levels
/// deep, is 16^6 copies (an unrolled loop around a call multiplies the same way; loops alone do not, as a loop
/// whose body holds another loop is too large to unroll). Lowering counts what it emits and stops once a function passes the kernel's
/// limit, before the generator spends minutes and gigabytes on a program the kernel would refuse anyway.
/// What every inlined copy would otherwise recompute (the callee's bound body, the recursion check, a statement's
/// line) is looked up once per function.
/// </summary>
internal sealed partial class MethodLowering
{
    private int _emitted;
    private readonly Dictionary<IMethodSymbol, int> _inlineCopies = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, MethodBody?> _bodies = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, IMethodSymbol?> _recursion = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxNode, SourceLine> _lines = new();

    /// <summary>Blocks already in the layout (a list search per block entered was quadratic in big functions).</summary>
    private readonly HashSet<IrBlock> _placed = new();

    /// <summary>Counts an instruction that becomes code (line markers do not).</summary>
    private void Count(IrInst inst)
    {
        if (inst.Op != IrOp.Line && ++_emitted > InstructionLimits.Privileged)
            throw new FunctionTooLargeException(MostInlined());
    }

    private void CountInlineCopy(IMethodSymbol target) =>
        _inlineCopies[target] = _inlineCopies.TryGetValue(target, out int n) ? n + 1 : 1;

    private (IMethodSymbol Method, int Copies)? MostInlined()
    {
        (IMethodSymbol Method, int Copies)? most = null;
        foreach (var pair in _inlineCopies)
            if (most is null || pair.Value > most.Value.Copies)
                most = (pair.Key, pair.Value);
        return most;
    }

    private bool TryGetBody(IMethodSymbol method, out MethodBody body)
    {
        if (!_bodies.TryGetValue(method, out var known))
            _bodies[method] = known = MethodBody.TryGet(method, _compilation, _cancellationToken, out var found) ? found : null;
        body = known.GetValueOrDefault();
        return known is not null;
    }

    /// <summary>Whether <paramref name="method"/> reaches itself; <paramref name="through"/> is the first callee on the way.</summary>
    private bool IsRecursive(IMethodSymbol method, out IMethodSymbol through)
    {
        if (!_recursion.TryGetValue(method, out var first))
            _recursion[method] = first = CallGraph.IsRecursive(method, _compilation, _cancellationToken, out var via) ? via : null;
        through = first ?? method;
        return first is not null;
    }
}

/// <summary>Lowering passed the kernel's instruction limit; names the method inlined most often, the usual cause.</summary>
internal sealed class FunctionTooLargeException : Exception
{
    public FunctionTooLargeException((IMethodSymbol Method, int Copies)? mostInlined)
        : base("the function passed the kernel's instruction limit while being lowered") => MostInlined = mostInlined;

    public (IMethodSymbol Method, int Copies)? MostInlined { get; }
}
