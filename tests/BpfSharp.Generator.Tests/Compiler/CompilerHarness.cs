using System.Collections.Immutable;
using BpfSharp.Asm;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Compiler.Backend;
using BpfSharp.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BpfSharp.Generator.Tests.Compiler;

/// <summary>Compiles C# snippets in-process and runs <see cref="BpfCompiler"/> on their methods.</summary>
internal static class CompilerHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(BpfSharp.Bpf).Assembly.Location))
            .ToImmutableArray();
    });

    public const string Usings = "using System; using System.Buffers.Binary; using System.Runtime.CompilerServices; using System.Runtime.InteropServices; using BpfSharp;\n";

    public static CSharpCompilation Compile(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Test.cs");
        var compilation = CSharpCompilation.Create("Snippet", new[] { tree }, s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "C# errors:\n" + string.Join("\n", errors));
        return compilation;
    }

    public static string Source(string members, string? extraTypes = null) =>
        Usings + "public static unsafe partial class P {\n" + members + "\n}\n" + (extraTypes ?? "");

    /// <summary>Compiles every method of class P in <paramref name="members"/> whose name starts with "Prog" as a program.</summary>
    public static CompilationResult CompileClass(string members, string? extraTypes = null, CpuVersion cpu = CpuVersion.V3)
    {
        var compilation = Compile(Source(members, extraTypes));
        var type = compilation.GetTypeByMetadataName("P")!;
        var programs = type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.Name.StartsWith("Prog", StringComparison.Ordinal))
            .Select(m => (m, new ProgramSpec(m.Name, ProgramKind.RawTracepoint, "raw_tracepoint/sys_enter", "sys_enter", null)))
            .ToList();
        return BpfCompiler.CompileClass(type, programs, compilation, CancellationToken.None, cpu);
    }

    /// <summary>Compiles one program and asserts that it compiled without diagnostics.</summary>
    public static CompiledFunction CompileProgram(string members, string? extraTypes = null, CpuVersion cpu = CpuVersion.V3)
    {
        var result = CompileClass(members, extraTypes, cpu);
        Assert.True(result.Diagnostics.Count == 0, "Diagnostics: " + string.Join("; ", result.Diagnostics.Select(d => d.Id + " " + string.Join(",", d.Arguments))));
        return Assert.Single(result.Programs);
    }

    public static string[] Listing(CompiledFunction f)
    {
        var lines = new List<string>();
        for (int i = 0; i < f.Code.Length; i++)
        {
            var insn = f.Code[i];
            if (insn.IsWide)
            {
                lines.Add(Disassembler.Format(insn, f.Code[i + 1], notation: DisassemblyNotation.Verifier));
                i++;
            }
            else
            {
                lines.Add(Disassembler.Format(insn, notation: DisassemblyNotation.Verifier));
            }
        }
        return lines.ToArray();
    }
}
