using System.Linq;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Incremental;

/// <summary>
/// What the referenced BpfSharp.Runtime offers the skeleton: its loader type, and whether a loaded object opens
/// maps by name and reads globals. Kept per <see cref="BuildEnvironment"/>: the type lookup searches every
/// reference of a new compilation.
/// </summary>
internal sealed record RuntimeFacts(bool HasBpfObject, bool HasMaps, bool HasGlobals)
{
    public static RuntimeFacts Of(Compilation compilation, out bool fromReference)
    {
        var bpfObject = compilation.GetTypeByMetadataName("BpfSharp.Runtime.BpfObject");
        fromReference = bpfObject is not null && bpfObject.Locations.All(l => l.IsInMetadata);
        return new RuntimeFacts(bpfObject is not null,
            bpfObject?.GetMembers("Map").Length > 0,
            bpfObject?.GetMembers("Globals").Length > 0);
    }
}
