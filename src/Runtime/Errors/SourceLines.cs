using System.Collections.Generic;
using BpfSharp.Btf;

namespace BpfSharp.Runtime;

/// <summary>
/// A program's line table resolved against its BTF strings: which source line each instruction came from. The
/// verifier prints a line only when it differs from the last one it printed, even on another path whose log it has
/// since discarded, so the line above the failing instruction in the log can be stale; this table is not.
/// </summary>
internal sealed class SourceLines
{
    private readonly List<(int Instruction, string File, int Line, string Text)> _entries;

    private SourceLines(List<(int, string, int, string)> entries) => _entries = entries;

    /// <summary>The table for line_info records whose instruction indices are the linked program's.</summary>
    public static SourceLines? From(IReadOnlyList<BpfLineInfoRecord> records, BtfSpec? btf)
    {
        if (btf is null || records.Count == 0)
            return null;
        var entries = new List<(int, string, int, string)>(records.Count);
        foreach (var r in records)
            entries.Add(((int)r.InsnIndex, btf.GetString(r.FileNameOffset), (int)r.Line, btf.GetString(r.LineOffset)));
        entries.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return new SourceLines(entries);
    }

    /// <summary>
    /// The line of instruction <paramref name="instruction"/>: the last entry at or before it, passing over entries
    /// with line 0 (compiler-generated code), as the statement before them is the one to show.
    /// </summary>
    public (string File, int Line, string Text)? At(int instruction)
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            var e = _entries[i];
            if (e.Instruction <= instruction && e.Line != 0)
                return (e.File, e.Line, e.Text);
        }
        return null;
    }
}
