using System;
using System.Collections.Generic;
using BpfSharp.Generator.Compiler;

namespace BpfSharp.Generator.Incremental;

/// <summary>
/// Everything a program class's compilation reads: the declaration (<see cref="DeclarationFacts"/>), every source
/// declaration of a type whose name it mentions (its other partial declarations included), the
/// <see cref="BuildEnvironment"/> and the instruction set. Equal keys give equal results, so the transform, which
/// Roslyn re-runs for every program class whenever the compilation changes, binds only a class whose key is new
/// (<see cref="ParseCache"/>). Building one is a few dictionary lookups: all parts are kept per node, tree or
/// compilation, and compare by reference when unchanged.
/// Not seen: extension methods and <c>using static</c> members declared in other files under other names.
/// </summary>
internal sealed class ClassKey : IEquatable<ClassKey>
{
    private readonly DeclarationFacts _declaration;
    private readonly TypeText[] _mentioned;
    private readonly BuildEnvironment _environment;
    private readonly CpuVersion _cpu;
    private readonly int _hash;

    private ClassKey(DeclarationFacts declaration, TypeText[] mentioned, BuildEnvironment environment, CpuVersion cpu)
    {
        _declaration = declaration;
        _mentioned = mentioned;
        _environment = environment;
        _cpu = cpu;
        int hash = unchecked(declaration.Hash * 31 + environment.Hash) * 31 + (int)cpu;
        foreach (var text in mentioned)
            hash = unchecked(hash * 31 + text.Hash);
        _hash = hash;
    }

    public static ClassKey Of(DeclarationFacts own, CompilationFacts facts, CpuVersion cpu)
    {
        var mentioned = new List<TypeText>();
        foreach (var name in own.Names)
        {
            if (facts.TypesByName.TryGetValue(name, out var texts))
                mentioned.AddRange(texts);
        }
        return new ClassKey(own, mentioned.ToArray(), facts.Environment, cpu);
    }

    public bool Equals(ClassKey? other)
    {
        if (ReferenceEquals(this, other))
            return true;
        if (other is null || _hash != other._hash || _cpu != other._cpu || _mentioned.Length != other._mentioned.Length
            || !_declaration.Equals(other._declaration) || !_environment.Equals(other._environment))
            return false;
        for (int i = 0; i < _mentioned.Length; i++)
        {
            if (!_mentioned[i].Equals(other._mentioned[i]))
                return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ClassKey);

    public override int GetHashCode() => _hash;
}
