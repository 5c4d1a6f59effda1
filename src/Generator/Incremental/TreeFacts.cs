using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.Generator.Incremental;

/// <summary>
/// What one syntax tree adds to the program classes' keys: its type declarations by name (a class depends on
/// those it mentions) and its global usings (every class depends on them). Kept per tree, so an edit re-reads one file.
/// </summary>
internal sealed class TreeFacts
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts> s_byTree = new();

    private TreeFacts(List<(string Name, TypeText Text)> types, string globalUsings)
    {
        Types = types;
        GlobalUsings = globalUsings;
    }

    public List<(string Name, TypeText Text)> Types { get; }

    /// <summary>The file's global usings; empty for most files.</summary>
    public string GlobalUsings { get; }

    public static TreeFacts Of(SyntaxTree tree) => s_byTree.GetValue(tree, Read);

    /// <summary>Whether both declare the same types with the same texts: an edit outside every type declaration.</summary>
    public bool SameTypes(TreeFacts other)
    {
        if (Types.Count != other.Types.Count)
            return false;
        for (int i = 0; i < Types.Count; i++)
        {
            if (Types[i].Name != other.Types[i].Name || !Types[i].Text.Equals(other.Types[i].Text))
                return false;
        }
        return true;
    }

    private static TreeFacts Read(SyntaxTree tree)
    {
        var types = new List<(string, TypeText)>();
        var globalUsings = new StringBuilder();
        if (tree.GetRoot() is CompilationUnitSyntax unit)
        {
            foreach (var directive in unit.Usings)
            {
                if (directive.GlobalKeyword.Span.Length > 0)
                    globalUsings.Append(directive.ToFullString());
            }
            string prefix = tree.FilePath + "\u0003" + OptionsOf(tree) + "\u0003" + unit.Usings.ToFullString() + "\u0003";
            AddTypes(unit.Members, prefix, types);
        }
        return new TreeFacts(types, globalUsings.ToString());
    }

    /// <summary>The parse options that change what a file's text means: language version and preprocessor symbols.</summary>
    public static string OptionsOf(SyntaxTree tree)
    {
        if (tree.Options is not CSharpParseOptions parse)
            return "";
        var text = new StringBuilder().Append(parse.LanguageVersion);
        foreach (var symbol in parse.PreprocessorSymbolNames)
            text.Append(',').Append(symbol);
        return text.ToString();
    }

    private static void AddTypes(SyntaxList<MemberDeclarationSyntax> members, string prefix, List<(string, TypeText)> types)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    AddTypes(ns.Members, prefix + ns.Name + ";", types);
                    break;
                case TypeDeclarationSyntax type:
                    types.Add((type.Identifier.ValueText, new TypeText(prefix + type.ToFullString())));
                    AddTypes(type.Members, prefix, types);
                    break;
                case BaseTypeDeclarationSyntax other:
                    types.Add((other.Identifier.ValueText, new TypeText(prefix + other.ToFullString())));
                    break;
                case DelegateDeclarationSyntax d:
                    types.Add((d.Identifier.ValueText, new TypeText(prefix + d.ToFullString())));
                    break;
            }
        }
    }
}

/// <summary>One source type declaration's text with its file, usings and namespace; compared by content.</summary>
internal sealed class TypeText : IEquatable<TypeText>
{
    public TypeText(string text)
    {
        Text = text;
        Hash = text.GetHashCode();
    }

    public string Text { get; }

    public int Hash { get; }

    public bool Equals(TypeText? other) =>
        ReferenceEquals(this, other) || (other is not null && Hash == other.Hash && Text == other.Text);

    public override bool Equals(object? obj) => Equals(obj as TypeText);

    public override int GetHashCode() => Hash;
}
