using System.Collections.Immutable;
using BpfSharp.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BpfSharp.Tests.Generator;

/// <summary>Runs <see cref="BpfGenerator"/> in-process over C# source, as the compiler would.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(BpfSharp.Bpf).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(BpfSharp.Runtime.BpfObject).Assembly.Location))
            .ToImmutableArray();
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "UserPrograms",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Program{i}.cs")),
        s_references.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new BpfGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns its result and the compilation with the generated sources added.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>The object bytes the generator embedded for <paramref name="className"/>, read back from the marker line.</summary>
    public static byte[] ObjectOf(GeneratorDriverRunResult result, string className)
    {
        const string marker = "// bpfsharp-object: ";
        foreach (var source in result.Results.SelectMany(r => r.GeneratedSources))
        {
            var firstLine = source.SourceText.Lines[0].ToString();
            if (firstLine.StartsWith(marker + className + ".o ", StringComparison.Ordinal))
                return Convert.FromBase64String(firstLine.Split(' ')[3]);
        }
        throw new InvalidOperationException($"No object was generated for {className}.");
    }
}
