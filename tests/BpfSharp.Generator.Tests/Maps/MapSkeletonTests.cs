using BpfSharp.Tests.Generator;
using BpfSharp.Tests.Programs;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Tests.Maps;

public class MapSkeletonTests
{
    [Fact]
    public void Class_with_maps_and_globals_generates_code_that_compiles()
    {
        var (result, output) = GeneratorHarness.Run(SharedPrograms.Source(nameof(MapsAndGlobals)));
        Assert.Empty(result.Diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var skeleton = result.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".Skeleton.g.cs")).SourceText.ToString();
        Assert.Contains("public global::BpfSharp.Runtime.BpfHashMap<uint, ulong> Counts { get; }", skeleton);
        Assert.Contains("Counts = new global::BpfSharp.Runtime.BpfHashMap<uint, ulong>(loaded.Map(\"Counts\"));", skeleton);
    }
}
