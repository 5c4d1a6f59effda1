using System.Collections.Generic;
using BpfSharp.Generator.Diagnostics;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Analysis;

/// <summary>Collects diagnostics once per (ID, location): several analyses, or several programs sharing a callee, may find the same one.</summary>
internal sealed class DiagnosticSink
{
    private readonly HashSet<(string Id, string? File, int Start, int Length)> _seen = new();

    public List<DiagnosticInfo> Items { get; } = new();

    /// <summary>Whether anything but warnings was reported: warnings (BPF0012) leave the class compiled.</summary>
    public bool HasErrors => Items.Exists(d => DiagnosticDescriptors.ById(d.Id).DefaultSeverity == DiagnosticSeverity.Error);

    public void Add(DiagnosticDescriptor descriptor, SyntaxNode at, params object?[] arguments) =>
        Add(DiagnosticInfo.Create(descriptor, at.GetLocation(), arguments));

    public void Add(DiagnosticDescriptor descriptor, Location? at, params object?[] arguments) =>
        Add(DiagnosticInfo.Create(descriptor, at, arguments));

    public void Add(DiagnosticInfo diagnostic)
    {
        var location = diagnostic.Location;
        if (_seen.Add((diagnostic.Id, location?.FilePath, location?.Span.Start ?? -1, location?.Span.Length ?? -1)))
            Items.Add(diagnostic);
    }

    /// <summary>
    /// Adds the compiler's diagnostics, less those an analysis already reported with the same ID at the same
    /// construct or one enclosing it (the analysis's message is the more specific).
    /// </summary>
    public void AddDeduplicated(IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            bool covered = false;
            foreach (var existing in Items)
            {
                if (existing.Id == diagnostic.Id && existing.Location is { } a && diagnostic.Location is { } b
                    && a.FilePath == b.FilePath && a.Span.Contains(b.Span))
                {
                    covered = true;
                    break;
                }
            }
            if (!covered)
                Add(diagnostic);
        }
    }
}
