using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Compiler.Frontend;

/// <summary>
/// The user methods a class's programs call as BPF-to-BPF functions: each gets one unique symbol name and
/// is compiled once, however many programs call it.
/// </summary>
internal sealed class Subprograms
{
    private readonly Dictionary<IMethodSymbol, string> _names = new(SymbolEqualityComparer.Default);

    public Queue<(IMethodSymbol Method, string Name)> Pending { get; } = new();

    public string Request(IMethodSymbol method)
    {
        if (_names.TryGetValue(method, out var name)) return name;
        // Unique across overloads and classes; '.' is not allowed in every tool's symbol names.
        name = (method.ContainingType.Name + "_" + method.Name + "_" + _names.Count).Replace('.', '_');
        _names[method] = name;
        Pending.Enqueue((method, name));
        return name;
    }
}
