using System;

namespace BpfSharp;

/// <summary>
/// A uprobe (section <c>uprobe/PATH:SYMBOL</c>): runs when any process enters <paramref name="symbol"/> of the
/// executable or shared library at <paramref name="path"/>. The method takes <see cref="PtRegs"/> and returns <c>int</c>.
/// The runtime resolves the symbol's file offset from the file's ELF symbol table.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class UprobeAttribute : Attribute
{
    public UprobeAttribute(string path, string symbol)
    {
        Path = path;
        Symbol = symbol;
    }

    /// <summary>Absolute path of the executable or library.</summary>
    public string Path { get; }

    /// <summary>The function's symbol name.</summary>
    public string Symbol { get; }
}

/// <summary>
/// A uretprobe (section <c>uretprobe/PATH:SYMBOL</c>): runs when <paramref name="symbol"/> returns;
/// <see cref="PtRegs.ReturnValue"/> holds its result.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class UretprobeAttribute : Attribute
{
    public UretprobeAttribute(string path, string symbol)
    {
        Path = path;
        Symbol = symbol;
    }

    public string Path { get; }

    public string Symbol { get; }
}
