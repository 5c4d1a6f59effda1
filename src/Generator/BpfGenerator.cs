using System.Collections.Immutable;
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
        // The compilation with the instruction set (the BpfSharpCpu MSBuild property: v3 unless set to v4),
        // combined once here so that each class below sees one combined input, not two.
        IncrementalValueProvider<(Compilation Compilation, Compiler.CpuVersion Cpu)> build = context.CompilationProvider
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) => Compiler.CpuVersions.Parse(
                options.GlobalOptions.TryGetValue(Compiler.CpuVersions.PropertyName, out var value) ? value : null)));

        // Each program class, compiled once. The first stage is syntax only (a class declaring a method with a
        // [BpfProgram]-named attribute), so Roslyn re-reads only edited trees; ForAttributeWithMetadataName would
        // bind every candidate tree again on each edit. The second stage runs for every class whenever the
        // compilation changes, but it binds nothing unless the class's key changed (Incremental/ClassKey.cs):
        // an unrelated edit costs a few lookups per class, and its results compare equal, so nothing after it runs.
        IncrementalValuesProvider<ParseResult> classes = context.SyntaxProvider
            .CreateSyntaxProvider(
                predicate: static (node, _) => node is ClassDeclarationSyntax c && ProgramSyntax.DeclaresProgram(c),
                transform: static (ctx, _) => (ClassDeclarationSyntax)ctx.Node)
            .Combine(build)
            .Select(static (pair, ct) => Parser.ParseClass(pair.Left, pair.Right.Compilation, ct, pair.Right.Cpu))
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
            .SelectMany(static (r, _) => r.Model is { } model ? ImmutableArray.Create(model) : ImmutableArray<ProgramClassModel>.Empty)
            .WithTrackingName(StepNames.Models);
        context.RegisterSourceOutput(models, static (spc, model) => Emitter.Emit(spc, model));
    }
}
