using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using BpfSharp.Asm;
using BpfSharp.Generator.Compiler;
using BpfSharp.Generator.Model;
using BpfSharp.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BpfSharp.Generator.Tests.Oracle;

/// <summary>
/// The CLR-vs-kernel oracle: each static method of a C# compilation runs as .NET (reflection over the emitted
/// assembly) and as eBPF (compiled by <see cref="BpfCompiler"/>, loaded as a raw_tracepoint program, run with
/// BPF_PROG_TEST_RUN), on the same inputs; the kernel's return value must equal the CLR's.
/// </summary>
internal static class DifferentialRunner
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(BpfSharp.Bpf).Assembly.Location))
            .ToImmutableArray());

    public static CSharpCompilation Compile(string assemblyName, IEnumerable<(string Path, string Text)> sources)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, path: s.Path)),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, optimizationLevel: OptimizationLevel.Release));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).ToList();
        Assert.True(errors.Count == 0, "C# errors:\n" + string.Join("\n", errors));
        return compilation;
    }

    public static Assembly LoadClr(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        stream.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>Runs every method <paramref name="select"/> picks, each on the inputs <paramref name="inputs"/> gives.</summary>
    public static OracleReport Run(Compilation compilation, Func<IMethodSymbol, bool> select,
        Func<MethodInfo, IReadOnlyList<object[]>> inputs, IReadOnlyDictionary<string, string>? knownIssues = null)
    {
        var report = new OracleReport();
        var assembly = LoadClr(compilation);
        foreach (var method in Methods(compilation, select))
        {
            string name = method.ContainingType.Name + "." + method.Name;
            if (knownIssues is not null && knownIssues.ContainsKey(name))
            {
                report.KnownIssuesSkipped.Add(name);
                continue;
            }
            var clr = assembly.GetType(method.ContainingType.ToDisplayString())!.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Static)!;
            RunOne(report, name, method, clr, inputs(clr), compilation);
        }
        return report;
    }

    /// <summary>The public static methods of <paramref name="compilation"/> that <paramref name="select"/> picks, in declaration order.</summary>
    public static List<IMethodSymbol> Methods(Compilation compilation, Func<IMethodSymbol, bool> select) =>
        AllTypes(compilation.Assembly.GlobalNamespace)
            .SelectMany(t => t.GetMembers().OfType<IMethodSymbol>())
            .Where(m => m.IsStatic && m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public && select(m))
            .ToList();

    private static void RunOne(OracleReport report, string name, IMethodSymbol method, MethodInfo clr,
        IReadOnlyList<object[]> inputs, Compilation compilation)
    {
        var spec = new ProgramSpec(method.Name, ProgramKind.RawTracepoint, "raw_tracepoint/oracle", "oracle", null);
        var result = BpfCompiler.CompileClass(method.ContainingType, new[] { (method, spec) }, compilation, CancellationToken.None);
        if (result.Diagnostics.Count > 0 || result.Programs.Count != 1)
        {
            report.NotCompiled.Add(new OracleFailure("not compiled", name,
                string.Join("\n", result.Diagnostics.Select(d => d.Id + " " + string.Join(", ", d.Arguments)))));
            return;
        }

        var function = result.Programs[0];
        Instruction[] code;
        try
        {
            code = RawTracepointThunk.Link(function, method.Parameters.Length, IntegerValues.IsWide(clr.ReturnType), result.Subprograms);
        }
        catch (NotSupportedException)
        {
            // Maps and globals need an object loader: ObjectPathRunner runs these through the generator instead.
            report.ObjectPathOnly.Add(name);
            return;
        }

        report.Programs++;
        BpfProgram program;
        try
        {
            program = BpfProgram.Load(ProgramType.RawTracepoint, Instruction.Encode(code), "GPL", "oracle");
        }
        catch (BpfVerifierException e)
        {
            report.Rejections.Add(new OracleFailure("verifier rejection", name, Listing(code) + "\n" + Tail(e.Log, 40)));
            return;
        }

        using (program)
            CompareInputs(report, name, clr, inputs, program, () => Listing(code));
    }

    /// <summary>
    /// Runs <paramref name="clr"/> and <paramref name="program"/> on each input, in the same order (so maps both
    /// sides share evolve alike), and compares results; <paramref name="sideEffects"/>, when given, names any
    /// difference in what the run left behind (records, map contents). Stops at the first difference.
    /// </summary>
    public static void CompareInputs(OracleReport report, string name, MethodInfo clr, IReadOnlyList<object[]> inputs,
        BpfProgram program, Func<string> listing, Func<string?>? sideEffects = null)
    {
        var context = new byte[8 * Math.Max(1, clr.GetParameters().Length)];
        foreach (var input in inputs)
        {
            object? value;
            try
            {
                value = clr.Invoke(null, input);
            }
            catch (TargetInvocationException e)
            {
                report.NotCompiled.Add(new OracleFailure("CLR threw", name, $"({Args(input)}): {e.InnerException?.GetType().Name}"));
                return;
            }
            for (int i = 0; i < input.Length; i++)
                BitConverter.TryWriteBytes(context.AsSpan(8 * i), IntegerValues.ToRegister(input[i]));
            uint actual = program.TestRun(new TestRunOptions { Context = context }).ReturnValue;
            uint expected = IntegerValues.Returned(value!);
            report.Inputs++;
            if (actual != expected)
            {
                report.Mismatches.Add(new OracleFailure("mismatch", name,
                    $"({Args(input)}): CLR {IntegerValues.Format(value!)} → 0x{expected:x8}, kernel 0x{actual:x8}\n" + listing()));
                return;
            }
            if (sideEffects?.Invoke() is { } difference)
            {
                report.Mismatches.Add(new OracleFailure("mismatch", name, $"({Args(input)}): {difference}\n" + listing()));
                return;
            }
        }
    }

    private static string Args(object[] input) => string.Join(", ", input.Select(IntegerValues.Format));

    public static string Listing(Instruction[] code)
    {
        var lines = new List<string>();
        for (int i = 0; i < code.Length; i++)
        {
            lines.Add($"{i,4}: " + (code[i].IsWide ? Disassembler.Format(code[i], code[++i], alu32: true) : Disassembler.Format(code[i], alu32: true)));
        }
        return string.Join("\n", lines);
    }

    private static string Tail(string log, int lines)
    {
        var all = log.TrimEnd('\0', '\n').Split('\n');
        return string.Join("\n", all[Math.Max(0, all.Length - lines)..]);
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
                foreach (var t in AllTypes(child)) yield return t;
            else if (member is INamedTypeSymbol type)
                yield return type;
        }
    }
}
