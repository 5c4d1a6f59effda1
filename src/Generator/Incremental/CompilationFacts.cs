using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Incremental;

/// <summary>
/// One compilation's view for the class keys, built once per compilation from the per-tree facts: the
/// <see cref="BuildEnvironment"/>, the source type declarations by name (built only when a key is computed), and
/// what changed since the compilation seen before: the names of the types declared in the trees that differ.
/// A class whose declaration node is unchanged and which mentions none of those names keeps its result
/// (<see cref="ClassMemo"/>) without building a key.
/// </summary>
internal sealed class CompilationFacts
{
    private static readonly ConditionalWeakTable<Compilation, CompilationFacts> s_byCompilation = new();
    private static CompilationFacts? s_last;

    private readonly TreeFacts[] _trees;
    private Dictionary<string, List<TypeText>>? _typesByName;

    private CompilationFacts(TreeFacts[] trees, BuildEnvironment environment, CompilationFacts? previous)
    {
        _trees = trees;
        Environment = environment;
        if (previous is not null && ReferenceEquals(previous.Environment, environment) && ChangedNames(previous._trees, trees) is { } changed)
        {
            Base = previous.Id;
            Changed = changed;
        }
    }

    /// <summary>This compilation's identity for memos; holds nothing, so a memo keeps no compilation's facts alive.</summary>
    public object Id { get; } = new();

    /// <summary>The <see cref="Id"/> of the compilation <see cref="Changed"/> is measured from, or null.</summary>
    public object? Base { get; }

    /// <summary>Names of the types declared (before or after) in the trees that differ from <see cref="Base"/>'s, ordinal order.</summary>
    public string[] Changed { get; } = Array.Empty<string>();

    public BuildEnvironment Environment { get; }

    public Dictionary<string, List<TypeText>> TypesByName => _typesByName ??= Index(_trees);

    public static CompilationFacts Of(Compilation compilation) => s_byCompilation.GetValue(compilation, Create);

    private static CompilationFacts Create(Compilation compilation)
    {
        var trees = new List<TreeFacts>();
        var globalUsings = new StringBuilder();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var facts = TreeFacts.Of(tree);
            trees.Add(facts);
            if (facts.GlobalUsings.Length > 0)
                globalUsings.Append(tree.FilePath).Append('\u0003').Append(facts.GlobalUsings);
        }
        var created = new CompilationFacts(trees.ToArray(), BuildEnvironment.Of(compilation, globalUsings.ToString()), s_last);
        s_last = created;
        return created;
    }

    /// <summary>Null when the trees are not the same files in the same order (then every key is built).</summary>
    private static string[]? ChangedNames(TreeFacts[] before, TreeFacts[] after)
    {
        if (before.Length != after.Length)
            return null;
        List<string>? names = null;
        for (int i = 0; i < after.Length; i++)
        {
            if (ReferenceEquals(before[i], after[i]) || before[i].SameTypes(after[i]))
                continue;
            names ??= new List<string>();
            foreach (var (name, _) in before[i].Types)
                names.Add(name);
            foreach (var (name, _) in after[i].Types)
                names.Add(name);
        }
        if (names is null)
            return Array.Empty<string>();
        names.Sort(StringComparer.Ordinal);
        return names.ToArray();
    }

    private static Dictionary<string, List<TypeText>> Index(TreeFacts[] trees)
    {
        var typesByName = new Dictionary<string, List<TypeText>>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            foreach (var (name, text) in tree.Types)
            {
                if (!typesByName.TryGetValue(name, out var list))
                    typesByName[name] = list = new List<TypeText>(1);
                list.Add(text);
            }
        }
        return typesByName;
    }
}
