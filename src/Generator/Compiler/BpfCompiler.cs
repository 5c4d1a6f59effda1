using System.Collections.Generic;
using System.Threading;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Compiler;

/// <summary>
/// The compiler's entry point: from the Roslyn symbols of one program class to eBPF functions.
/// It never throws for a user's mistake: whatever it cannot compile becomes a diagnostic at its location.
/// </summary>
internal static class BpfCompiler
{
    public static CompilationResult CompileClass(
        INamedTypeSymbol type,
        IReadOnlyList<(IMethodSymbol Method, ProgramSpec Spec)> programs,
        Compilation compilation,
        CancellationToken cancellationToken)
    {
        throw new System.NotImplementedException();
    }
}

/// <summary>What <see cref="BpfCompiler.CompileClass"/> produced for a class.</summary>
internal sealed class CompilationResult
{
    /// <summary>One per program, in the order they were given.</summary>
    public List<CompiledFunction> Programs { get; } = new();

    /// <summary>BPF-to-BPF callees, placed in <c>.text</c>.</summary>
    public List<CompiledFunction> Subprograms { get; } = new();

    public List<DiagnosticInfo> Diagnostics { get; } = new();
}
