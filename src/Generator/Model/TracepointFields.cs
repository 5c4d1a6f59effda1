using System.Collections.Generic;
using System.Linq;
using BpfSharp.Generator.Compiler.Frontend;
using BpfSharp.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Model;

/// <summary>
/// The layout of a tracepoint program's field struct (the T of TracepointContext&lt;T&gt;), as the compiler reads it,
/// recorded in the object so the runtime can check it against the kernel's format file.
/// </summary>
internal static class TracepointFields
{
    /// <summary>Size of the common header (type, flags, preempt count, pid) before the event's own fields.</summary>
    public const int HeaderSize = 8;

    /// <summary>The fields with offsets from the record's start; null (after a diagnostic) when T is not a struct.</summary>
    public static EquatableArray<TracepointFieldSpec>? Of(IMethodSymbol method, List<DiagnosticInfo> diagnostics)
    {
        var context = (INamedTypeSymbol)method.Parameters[0].Type;
        var fieldsType = context.TypeArguments.Length == 1 ? context.TypeArguments[0] : null;
        if (fieldsType is null || StructLayout.Of(fieldsType) is not { } layout)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TracepointFieldsNotStruct, method.Locations.FirstOrDefault(),
                fieldsType?.ToDisplayString() ?? "?", method.Name));
            return null;
        }
        return fieldsType.GetMembers().OfType<IFieldSymbol>()
            .Where(f => !f.IsStatic && !f.IsConst && layout.Offsets.ContainsKey(f))
            .Select(f => new TracepointFieldSpec(f.Name, HeaderSize + layout.Offsets[f], StructLayout.SizeOf(f.Type)?.Size ?? 0))
            .ToEquatableArray();
    }
}
