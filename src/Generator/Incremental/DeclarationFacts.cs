using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.Generator.Incremental;

/// <summary>
/// What a program class declaration contributes to its <see cref="ClassKey"/>: its text with file and position
/// (diagnostics and line info carry positions), its file's parse options, usings and namespaces, its enclosing types, and the
/// identifiers it mentions. Kept per node: a tree no edit touched keeps its nodes, so they are not read again.
/// </summary>
internal sealed class DeclarationFacts : IEquatable<DeclarationFacts>
{
    private static readonly ConditionalWeakTable<ClassDeclarationSyntax, DeclarationFacts> s_byNode = new();

    private DeclarationFacts(string text, string[] names)
    {
        Text = text;
        Names = names;
        Hash = text.GetHashCode();
    }

    public string Text { get; }

    /// <summary>Distinct identifiers in the declaration, ordinal order: the names whose source declarations it may depend on.</summary>
    public string[] Names { get; }

    public int Hash { get; }

    /// <summary>This node's last result; see <see cref="ClassMemo"/>.</summary>
    public ClassMemo? Memo { get; set; }

    public static DeclarationFacts Of(ClassDeclarationSyntax declaration) => s_byNode.GetValue(declaration, Describe);

    private static DeclarationFacts Describe(ClassDeclarationSyntax declaration)
    {
        var tree = declaration.SyntaxTree;
        var text = new StringBuilder();
        text.Append(tree.FilePath).Append('@').Append(declaration.SpanStart).Append(':')
            .Append(declaration.GetLocation().GetLineSpan().StartLinePosition.Line).Append('\u0001')
            .Append(TreeFacts.OptionsOf(tree)).Append('\u0001');
        if (tree.GetRoot() is CompilationUnitSyntax unit)
        {
            text.Append(unit.Usings.ToFullString());
            foreach (var member in unit.Members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns)
                    text.Append(ns.Name.ToString()).Append(';');
            }
        }
        for (var outer = declaration.Parent; outer is TypeDeclarationSyntax t; outer = outer.Parent)
            text.Append(t.Modifiers.ToFullString()).Append(t.Keyword.Text).Append(t.Identifier.Text).Append('\u0001');
        text.Append(declaration.ToFullString());

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in declaration.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
                names.Add(token.ValueText);
        }
        var sorted = new string[names.Count];
        names.CopyTo(sorted);
        Array.Sort(sorted, StringComparer.Ordinal);
        return new DeclarationFacts(text.ToString(), sorted);
    }

    public bool Equals(DeclarationFacts? other) =>
        ReferenceEquals(this, other) || (other is not null && Hash == other.Hash && Text == other.Text);

    public override bool Equals(object? obj) => Equals(obj as DeclarationFacts);

    public override int GetHashCode() => Hash;
}
