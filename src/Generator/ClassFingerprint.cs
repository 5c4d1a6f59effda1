using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.Generator;

/// <summary>
/// A text key for everything a program class's compilation reads: the class's declarations (text, file and
/// position, since diagnostics and line info carry positions), its files' using directives, every source type
/// declaration whose name the class mentions, the global usings and the metadata references. Computing it is
/// syntax-only and cheap, so the transform, which Roslyn re-runs for every program class on every edit, can skip
/// compiling a class whose key has not changed (<see cref="ParseCache"/>).
/// Not seen: extension methods and <c>using static</c> members declared in other files under other names.
/// </summary>
internal static class ClassFingerprint
{
    private sealed class CompilationFacts
    {
        public Dictionary<string, List<string>> TypesByName { get; } = new();
        public string Shared { get; set; } = "";
    }

    private static readonly ConditionalWeakTable<Compilation, CompilationFacts> s_facts = new();

    public static string Of(INamedTypeSymbol type, Compilation compilation, CancellationToken ct)
    {
        var facts = s_facts.GetValue(compilation, Index);
        var key = new StringBuilder(facts.Shared);
        var names = new HashSet<string>();
        foreach (var reference in type.DeclaringSyntaxReferences.OrderBy(r => r.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(r => r.Span.Start))
        {
            var declaration = reference.GetSyntax(ct);
            var position = declaration.GetLocation().GetLineSpan().StartLinePosition;
            key.Append('\u0001').Append(reference.SyntaxTree.FilePath).Append('@').Append(declaration.SpanStart).Append(':').Append(position.Line).Append('\u0001');
            if (declaration.SyntaxTree.GetRoot(ct) is CompilationUnitSyntax unit)
                key.Append(unit.Usings.ToFullString()).Append(string.Join(";", unit.Members.OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString())));
            for (var outer = declaration.Parent; outer is TypeDeclarationSyntax t; outer = outer.Parent)
                key.Append(t.Modifiers.ToFullString()).Append(t.Keyword.Text).Append(t.Identifier.Text);
            key.Append(declaration.ToFullString());
            foreach (var token in declaration.DescendantTokens())
            {
                if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken))
                    names.Add(token.ValueText);
            }
        }
        foreach (var name in names.OrderBy(n => n, System.StringComparer.Ordinal))
        {
            if (name == type.Name || !facts.TypesByName.TryGetValue(name, out var declarations))
                continue;
            foreach (var text in declarations)
                key.Append('\u0002').Append(text);
        }
        return key.ToString();
    }

    private static CompilationFacts Index(Compilation compilation)
    {
        var facts = new CompilationFacts();
        var shared = new StringBuilder();
        // Options by value: some hosts' option objects (resolvers, strong name providers) do not implement GetHashCode.
        if (compilation.Options is Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions options)
            shared.Append(options.AllowUnsafe).Append(options.CheckOverflow).Append(options.NullableContextOptions).Append('|');
        foreach (var reference in compilation.References)
            shared.Append(reference.Display).Append('|');
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.Options is Microsoft.CodeAnalysis.CSharp.CSharpParseOptions parse)
                shared.Append(parse.LanguageVersion).Append(string.Join(",", parse.PreprocessorSymbolNames)).Append('|');
            if (tree.GetRoot() is not CompilationUnitSyntax unit)
                continue;
            foreach (var global in unit.Usings.Where(u => u.GlobalKeyword.Span.Length > 0))
                shared.Append(global.ToFullString());
            foreach (var declaration in unit.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<MemberDeclarationSyntax>())
            {
                string? name = declaration switch
                {
                    BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
                    DelegateDeclarationSyntax d => d.Identifier.ValueText,
                    _ => null,
                };
                if (name is null)
                    continue;
                if (!facts.TypesByName.TryGetValue(name, out var list))
                    facts.TypesByName[name] = list = new List<string>();
                list.Add(tree.FilePath + "\u0003" + declaration.ToFullString());
            }
        }
        facts.Shared = shared.ToString();
        return facts;
    }
}

/// <summary>Parse results by <see cref="ClassFingerprint"/>: the expensive part of the transform runs once per distinct class input.</summary>
internal static class ParseCache
{
    private const int Capacity = 1024;
    private static readonly Dictionary<string, ParseResult> s_results = new();
    private static readonly object s_gate = new();

    public static bool TryGet(string key, out ParseResult? result)
    {
        lock (s_gate)
            return s_results.TryGetValue(key, out result);
    }

    public static void Add(string key, ParseResult result)
    {
        lock (s_gate)
        {
            if (s_results.Count >= Capacity)
                s_results.Clear();
            s_results[key] = result;
        }
    }
}
