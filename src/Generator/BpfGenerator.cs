using System.Linq;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.Generator;

/// <summary>
/// Compiles the [BpfProgram] methods of each program class to an eBPF ELF object and adds a typed loader
/// (the skeleton) to the class.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class BpfGenerator : IIncrementalGenerator
{
    public const string BpfProgramAttribute = "BpfSharp.BpfProgramAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Each program class, compiled once: the transform runs for every [BpfProgram] method but only the
        // class's first program (in source order) compiles the class; the others yield null.
        // The instruction set comes from the BpfSharpCpu MSBuild property (v3 unless set to v4).
        IncrementalValueProvider<Compiler.CpuVersion> cpu = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => Compiler.CpuVersions.Parse(
                options.GlobalOptions.TryGetValue(Compiler.CpuVersions.PropertyName, out var value) ? value : null));
        IncrementalValuesProvider<ParseResult> classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                BpfProgramAttribute,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (ctx, _) => ctx)
            .Combine(cpu)
            .Select(static (pair, ct) => Parser.ParseClass(pair.Left, ct, pair.Right))
            .Where(static r => r is not null)
            .Select(static (r, _) => r!)
            .WithTrackingName(StepNames.ProgramClasses);

        // Diagnostics and source go out separately, so a moved diagnostic does not regenerate source.
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = classes
            .Select(static (r, _) => r.Diagnostics)
            .WithTrackingName(StepNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var diagnostic in list)
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

        // The skeleton and the object of each class that compiled.
        IncrementalValuesProvider<ProgramClassModel> models = classes
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(StepNames.Models);
        context.RegisterSourceOutput(models, static (spc, model) => Emitter.Emit(spc, model));
    }
}
