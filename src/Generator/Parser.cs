using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BpfSharp.Generator.Analysis;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Compiler.Data;
using BpfSharp.Generator.Diagnostics;
using BpfSharp.Generator.Incremental;
using BpfSharp.Generator.Model;
using BpfSharp.Generator.Object;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.Generator;

/// <summary>
/// Symbols → model: finds a class's programs, checks their attributes and signatures, runs the compiler and
/// writes the object. Never throws: an internal failure becomes BPF9999 at the method being compiled.
/// </summary>
internal static class Parser
{
    /// <summary>
    /// The class's result: the node's memo when nothing it reads changed, the cache when its key is unchanged,
    /// else compiled. Of a class split over several declarations, only the one holding its first program (in
    /// source order) compiles it; the others give <see cref="ParseResult.None"/>.
    /// </summary>
    public static ParseResult ParseClass(ClassDeclarationSyntax declaration, Compilation compilation, CancellationToken cancellationToken, CpuVersion cpu = CpuVersion.V3)
    {
        var facts = CompilationFacts.Of(compilation);
        var own = DeclarationFacts.Of(declaration);
        if (own.Memo?.For(facts, own, cpu) is { } memo)
            return memo;
        var result = Compile(declaration, compilation, ClassKey.Of(own, facts, cpu), facts.Environment, cancellationToken, cpu);
        own.Memo = new ClassMemo(facts.Id, cpu, result);
        return result;
    }

    private static ParseResult Compile(ClassDeclarationSyntax declaration, Compilation compilation, ClassKey key, BuildEnvironment environment, CancellationToken cancellationToken, CpuVersion cpu)
    {
        if (ParseCache.TryGet(key, out var cached))
            return cached;

        var result = ParseResult.None;
        if (compilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type)
        {
            var programMethods = ProgramMethodsOf(type);
            var first = programMethods.FirstOrDefault();
            if (first is not null && first.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == declaration.SyntaxTree && declaration.Span.Contains(r.Span)))
            {
                try
                {
                    result = Parse(type, programMethods, compilation, environment.Runtime(compilation), cancellationToken, cpu);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, first.Locations.FirstOrDefault(),
                        first.Name, ex.GetType().Name + ": " + ex.Message);
                    result = new ParseResult(null, new[] { diagnostic }.ToEquatableArray());
                }
            }
        }
        ParseCache.Add(key, result);
        return result;
    }

    private static ParseResult Parse(INamedTypeSymbol type, List<IMethodSymbol> methods, Compilation compilation, RuntimeFacts runtime, CancellationToken ct, CpuVersion cpu)
    {
        var diagnostics = new List<DiagnosticInfo>();
        CheckPartialChain(type, diagnostics);

        var programs = new List<(IMethodSymbol Method, ProgramSpec Spec)>();
        foreach (var method in methods)
        {
            if (ParseProgram(method, diagnostics) is { } spec)
                programs.Add((method, spec));
        }

        if (diagnostics.Count > 0)
            return new ParseResult(null, diagnostics.ToEquatableArray());

        // The analyses speak first, at the construct and in verifier terms; the compiler only sees code they accept.
        var sink = new DiagnosticSink();
        if (!ProgramAnalyzer.IsDisabled(type))
            ProgramAnalyzer.AnalyzeClass(programs, LicenseOf(type), compilation, sink, ct);
        if (sink.HasErrors)
            return new ParseResult(null, sink.Items.ToEquatableArray());

        var data = ClassData.Collect(type, compilation, ct);
        foreach (var diagnostic in data.Diagnostics)
            sink.Add(diagnostic);
        CompilationResult compiled = BpfCompiler.CompileClass(type, programs, compilation, ct, cpu);
        sink.AddDeduplicated(compiled.Diagnostics);
        if (sink.HasErrors)
            return new ParseResult(null, sink.Items.ToEquatableArray());

        byte[] elf = ObjectWriter.Write(compiled, programs.Select(p => p.Spec).ToList(), LicenseOf(type), data);
        var model = new ProgramClassModel(
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            ContainingTypes: ContainingDeclarations(type).ToEquatableArray(),
            ClassName: type.Name,
            Declaration: DeclarationOf(type),
            ObjectFileName: type.Name + ".o",
            Programs: programs.Select(p => p.Spec).ToEquatableArray(),
            Object: elf.ToEquatableArray(),
            EmitSkeleton: runtime.HasBpfObject)
        {
            Maps = SkeletonMembers.Maps(type, data, compilation, ct),
            Globals = SkeletonMembers.Globals(type, data),
            RuntimeHasMaps = runtime.HasMaps,
            RuntimeHasGlobals = runtime.HasGlobals,
        };
        return new ParseResult(model, sink.Items.ToEquatableArray());
    }

    /// <summary>The class's [BpfProgram] methods in source order (partial classes: by file, then position).</summary>
    internal static List<IMethodSymbol> ProgramMethodsOf(INamedTypeSymbol type) => type.GetMembers()
        .OfType<IMethodSymbol>()
        .Where(m => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == BpfGenerator.BpfProgramAttribute))
        .OrderBy(m => m.Locations.FirstOrDefault()?.SourceTree?.FilePath ?? "", StringComparer.Ordinal)
        .ThenBy(m => m.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0)
        .ToList();

    private static ProgramSpec? ParseProgram(IMethodSymbol method, List<DiagnosticInfo> diagnostics)
    {
        var location = method.Locations.FirstOrDefault();
        var typed = method.GetAttributes()
            .Select(a => (Attribute: a, Info: ProgramTypes.ForAttribute(a.AttributeClass?.ToDisplayString() ?? "")))
            .Where(x => x.Info is not null)
            .ToList();
        if (typed.Count != 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingProgramType, location, method.Name));
            return null;
        }

        var (attribute, info) = (typed[0].Attribute, typed[0].Info!);
        bool signatureFits = method.IsStatic
            && method.Parameters.Length == 1
            && method.Parameters[0].Type.OriginalDefinition.ToDisplayString() == info.ContextType
            && method.Parameters[0].RefKind == RefKind.None
            && method.ReturnType.ToDisplayString() == info.ReturnType;
        if (!signatureFits)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BadProgramSignature, location,
                method.Name, info.ReturnType, info.ContextTypeShortName));
            return null;
        }

        var (section, target) = SectionNames.For(info, attribute);
        var fields = info.Kind == ProgramKind.Tracepoint ? TracepointFields.Of(method, diagnostics) : EquatableArray<TracepointFieldSpec>.Empty;
        if (fields is null)
            return null;
        return new ProgramSpec(method.Name, info.Kind, section, target, LocationInfo.From(location), fields.Value);
    }

    private static void CheckPartialChain(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            bool isPartial = t.DeclaringSyntaxReferences.Any(r =>
                r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!isPartial || (SymbolEqualityComparer.Default.Equals(t, type) && !t.IsStatic))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNotStaticPartial, t.Locations.FirstOrDefault(), t.Name));
                return;
            }
        }
    }

    private static string LicenseOf(INamedTypeSymbol type) =>
        type.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "BpfSharp.BpfLicenseAttribute")?
            .ConstructorArguments.FirstOrDefault().Value as string ?? "GPL";

    private static IEnumerable<string> ContainingDeclarations(INamedTypeSymbol type)
    {
        var chain = new List<string>();
        for (var t = type.ContainingType; t is not null; t = t.ContainingType)
            chain.Insert(0, DeclarationOf(t));
        return chain;
    }

    private static string DeclarationOf(INamedTypeSymbol type)
    {
        string keyword = type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            _ => type.IsRecord ? "record" : "class",
        };
        string modifiers = type.IsStatic ? "static partial" : "partial";
        return $"{modifiers} {keyword} {type.Name}";
    }
}
