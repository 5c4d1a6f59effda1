using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using BpfSharp.Generator.Analysis;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Compiler.Data;
using BpfSharp.Generator.Diagnostics;
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
    public static ParseResult? ParseClass(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken, CpuVersion cpu = CpuVersion.V3)
    {
        if (context.TargetSymbol is not IMethodSymbol method || method.ContainingType is not { } type)
            return null;

        var programMethods = ProgramMethodsOf(type);
        if (programMethods.Count == 0 || !SymbolEqualityComparer.Default.Equals(programMethods[0], method))
            return null;

        try
        {
            var compilation = context.SemanticModel.Compilation;
            string key = ClassFingerprint.Of(type, compilation, cancellationToken) + "|cpu" + (int)cpu;
            if (ParseCache.TryGet(key, out var cached))
                return cached;
            var result = Parse(type, programMethods, compilation, cancellationToken, cpu);
            ParseCache.Add(key, result);
            return result;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, method.Locations.FirstOrDefault(),
                method.Name, ex.GetType().Name + ": " + ex.Message);
            return new ParseResult(null, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private static ParseResult Parse(INamedTypeSymbol type, List<IMethodSymbol> methods, Compilation compilation, CancellationToken ct, CpuVersion cpu)
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
            EmitSkeleton: compilation.GetTypeByMetadataName("BpfSharp.Runtime.BpfObject") is not null)
        {
            Maps = data.Maps.Select(m => new MapModel(m.Name, m.Kind.RuntimeType)).ToEquatableArray(),
            RuntimeHasMaps = compilation.GetTypeByMetadataName("BpfSharp.Runtime.BpfObject")?.GetMembers("Map").Length > 0,
        };
        return new ParseResult(model, EquatableArray<DiagnosticInfo>.Empty);
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
