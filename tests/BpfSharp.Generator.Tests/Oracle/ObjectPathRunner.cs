using System.Reflection;
using BpfSharp.Asm;
using BpfSharp.Elf;
using BpfSharp.Runtime;
using BpfSharp.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BpfSharp.Generator.Tests.Oracle;

/// <summary>
/// The oracle along the path users take: each corpus class gets <c>[BpfProgram]</c> entry points
/// (<see cref="OracleEntryPoints"/>), the source generator compiles the class to its ELF object (maps, BTF,
/// relocations), <see cref="BpfObject"/> loads it, and every program runs with BPF_PROG_TEST_RUN beside the same
/// method in the CLR. After each input the ring buffer records both sides wrote must be the same bytes.
/// </summary>
internal static class ObjectPathRunner
{
    public static OracleReport Run(IReadOnlyList<(string Path, string Text)> sources, Func<IMethodSymbol, bool> select,
        Func<MethodInfo, IReadOnlyList<object[]>> inputs, IReadOnlyDictionary<string, string>? knownIssues = null)
    {
        var report = new OracleReport();
        var compilation = DifferentialRunner.Compile("OracleObjects", sources);
        var assembly = DifferentialRunner.LoadClr(compilation);
        var classes = new List<(INamedTypeSymbol Type, List<IMethodSymbol> Methods)>();
        foreach (var group in DifferentialRunner.Methods(compilation, select).GroupBy(m => m.ContainingType, SymbolEqualityComparer.Default))
        {
            var methods = new List<IMethodSymbol>();
            foreach (var method in group)
            {
                if (knownIssues?.ContainsKey(Name(method)) == true)
                    report.KnownIssuesSkipped.Add(Name(method));
                else
                    methods.Add(method);
            }
            classes.Add(((INamedTypeSymbol)group.Key!, methods));
        }

        var entryPoints = classes.Select(c => OracleEntryPoints.Source(c.Type, c.Methods));
        var (run, _) = GeneratorHarness.Run(sources.Select(s => s.Text).Concat(entryPoints).ToArray());
        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToLookup(d => ClassOf(d, compilation, classes.Select(c => c.Type.Name).ToList()));
        if (errors[""].Any())
            report.NotCompiled.Add(new OracleFailure("not compiled", "(no class)", string.Join("\n", errors[""])));
        foreach (var (type, methods) in classes)
        {
            if (errors[type.Name].Any())
            {
                report.NotCompiled.Add(new OracleFailure("not compiled", type.Name, string.Join("\n", errors[type.Name])));
                continue;
            }
            byte[] elf;
            try
            {
                elf = GeneratorHarness.ObjectOf(run, type.Name);
            }
            catch (InvalidOperationException e)
            {
                report.NotCompiled.Add(new OracleFailure("no object", type.Name, e.Message + "\n" + string.Join("\n", run.Diagnostics)));
                continue;
            }
            var clrType = assembly.GetType(type.ToDisplayString())!;
            BpfObject loaded;
            try
            {
                loaded = BpfObject.Load(elf);
            }
            catch (BpfVerifierException e)
            {
                report.Rejections.Add(new OracleFailure("verifier rejection", type.Name, Tail(e.Log, 40)));
                continue;
            }

            using (loaded)
            {
                var records = new RingBufferRecords(clrType, loaded);
                using (records)
                {
                    foreach (var method in methods)
                    {
                        var clr = clrType.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Static)!;
                        string entry = OracleEntryPoints.ProgramName(method);
                        report.Programs++;
                        DifferentialRunner.CompareInputs(report, Name(method), clr, inputs(clr), loaded.Program(entry),
                            () => Listing(elf, entry), records.Difference);
                    }
                }
            }
        }
        return report;
    }

    private static string Name(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name;

    /// <summary>The corpus class a generator diagnostic points into: the harness names its trees Program{i}.cs, the sources first, then one file of entry points per class.</summary>
    private static string ClassOf(Diagnostic diagnostic, Compilation compilation, IReadOnlyList<string> entryPointClasses)
    {
        // The generator's diagnostics come from its model, with a path and span but no syntax tree.
        var file = Path.GetFileNameWithoutExtension(diagnostic.Location.GetLineSpan().Path ?? "");
        if (!file.StartsWith("Program", StringComparison.Ordinal) || !int.TryParse(file.AsSpan("Program".Length), out int index))
            return "";
        var trees = compilation.SyntaxTrees.ToList();
        if (index >= trees.Count)
            return entryPointClasses[index - trees.Count];
        var node = trees[index].GetRoot().FindNode(diagnostic.Location.SourceSpan);
        return node.AncestorsAndSelf().OfType<ClassDeclarationSyntax>().LastOrDefault()?.Identifier.Text ?? "";
    }

    private static string Listing(byte[] elf, string function)
    {
        var file = ElfFile.Parse(elf);
        var symbol = file.Symbols.First(s => s.Name == function);
        var section = file.Sections.First(s => s.Index == symbol.SectionIndex);
        int length = symbol.Size > 0 ? (int)symbol.Size : section.Data.Length - (int)symbol.Value;
        var code = Instruction.Decode(section.Data.AsSpan((int)symbol.Value, length));
        return DifferentialRunner.Listing(code);
    }

    private static string Tail(string log, int lines)
    {
        var all = log.TrimEnd('\0', '\n').Split('\n');
        return string.Join("\n", all[Math.Max(0, all.Length - lines)..]);
    }
}
