using System.Linq;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Model;

/// <summary>A diagnostic to report later, with value equality (descriptor id, locations and message arguments).</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    /// <summary>Other places the diagnostic concerns (the editor links them), such as the largest locals of a frame.</summary>
    public EquatableArray<LocationInfo> AdditionalLocations { get; init; } = EquatableArray<LocationInfo>.Empty;

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params object?[] arguments) =>
        new(descriptor.Id, location, arguments.Select(a => a?.ToString() ?? string.Empty).ToEquatableArray());

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params object?[] arguments) =>
        Create(descriptor, LocationInfo.From(location), arguments);

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Diagnostics.DiagnosticDescriptors.ById(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            AdditionalLocations.Select(l => l.ToLocation()), Arguments.Select(a => (object)a).ToArray());
}
