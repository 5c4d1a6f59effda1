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
        // Each program class, compiled once. The first stage is syntax only (a class declaring a method with a
        // [BpfProgram]-named attribute), so Roslyn keeps it per tree; the second runs on every compilation but binds
        // nothing unless the class's fingerprint changed (ParseCache): an unrelated edit costs lookups, not binding.
        // The instruction set comes from the BpfSharpCpu MSBuild property (v3 unless set to v4).
        IncrementalValueProvider<Compiler.CpuVersion> cpu = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => Compiler.CpuVersions.Parse(
                options.GlobalOptions.TryGetValue(Compiler.CpuVersions.PropertyName, out var value) ? value : null));
        IncrementalValuesProvider<ParseResult> classes = context.SyntaxProvider
            .CreateSyntaxProvider(
                predicate: static (node, _) => node is ClassDeclarationSyntax c && ProgramSyntax.DeclaresProgram(c),
                transform: static (ctx, _) => (ClassDeclarationSyntax)ctx.Node)
            .Combine(context.CompilationProvider)
            .Combine(cpu)
            .Select(static (pair, ct) => Parser.ParseClass(pair.Left.Left, pair.Left.Right, ct, pair.Right))
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
