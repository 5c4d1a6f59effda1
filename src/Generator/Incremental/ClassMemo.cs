using System;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Model;

namespace BpfSharp.Generator.Incremental;

/// <summary>
/// A declaration node's last result and the compilation it holds for (<see cref="CompilationFacts.Id"/>). The
/// next compilation reuses it without building a key when it was measured from that one and none of the type
/// names that changed is a name the declaration mentions: then every part of the key is the same.
/// </summary>
internal sealed class ClassMemo
{
    private volatile object _facts;

    public ClassMemo(object facts, CpuVersion cpu, ParseResult result)
    {
        _facts = facts;
        Cpu = cpu;
        Result = result;
    }

    public CpuVersion Cpu { get; }

    public ParseResult Result { get; }

    /// <summary>The memo's result for <paramref name="facts"/>, or null when a key must be built.</summary>
    public ParseResult? For(CompilationFacts facts, DeclarationFacts declaration, CpuVersion cpu)
    {
        if (cpu != Cpu)
            return null;
        object current = _facts;
        if (!ReferenceEquals(current, facts.Id))
        {
            if (!ReferenceEquals(current, facts.Base) || Mentions(declaration.Names, facts.Changed))
                return null;
            // Still this result, now for the newer compilation (one reference write: a reader sees either, both right).
            _facts = facts.Id;
        }
        return Result;
    }

    private static bool Mentions(string[] names, string[] changed)
    {
        foreach (var name in changed)
        {
            if (Array.BinarySearch(names, name, StringComparer.Ordinal) >= 0)
                return true;
        }
        return false;
    }
}
