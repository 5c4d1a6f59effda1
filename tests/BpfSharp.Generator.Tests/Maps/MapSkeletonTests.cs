using BpfSharp.Tests.Generator;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Tests.Maps;

public class MapSkeletonTests
{
    [Fact]
    public void Class_with_maps_and_globals_generates_code_that_compiles()
    {
        var (result, output) = GeneratorHarness.Run(MapPrograms.Counter);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var skeleton = result.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".Skeleton.g.cs")).SourceText.ToString();
        bool runtimeHasMaps = typeof(BpfSharp.Runtime.BpfObject).GetMethod("Map") is not null;
        Assert.Equal(runtimeHasMaps, skeleton.Contains("public global::BpfSharp.Runtime.BpfMap Counts => Object.Map(\"Counts\");"));
    }
}
