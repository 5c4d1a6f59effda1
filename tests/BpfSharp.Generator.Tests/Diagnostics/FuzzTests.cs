using System.Diagnostics;
using BpfSharp.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BpfSharp.Tests.Diagnostics;

/// <summary>
/// The generator never throws: every [BpfProgram] source in the repository (tests, samples, the broken corpus,
/// the docs' examples) is fed in with random edits — deleted tokens, swapped types, truncated methods, duplicated
/// tokens — and no run may end in an exception, CS8785 (generator failed) or AD0001 (analyzer crashed).
/// Seeded; set BPFSHARP_FUZZ_SEED to replay a failure.
/// </summary>
public class FuzzTests
{
    private const int Variants = 500;
    private static readonly string[] Types = { "int", "long", "uint", "ulong", "byte", "byte*", "ulong*", "string", "object", "double", "RawTracepointContext", "EthHdr*", "var", "void" };

    [Fact]
    public void Generator_survives_random_edits_of_every_program_source()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("BPFSHARP_FUZZ_SEED"), out var s) ? s : Environment.TickCount;
        var random = new Random(seed);
        var sources = Sources();
        Assert.True(sources.Count >= 40, $"only {sources.Count} sources found");

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Variants; i++)
        {
            var (name, text) = sources[random.Next(sources.Count)];
            string edited = Edit(text, random);
            string context = $"seed {seed}, variant {i} (from {name}); replay with BPFSHARP_FUZZ_SEED={seed}";
            GeneratorDriverRunResult result;
            try
            {
                var compilation = GeneratorHarness.CreateCompilation(edited, CorpusTests.SupportSource);
                result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult();
            }
            catch (Exception ex)
            {
                Assert.Fail($"the generator threw at {context}: {ex}\n--- source ---\n{edited}");
                return;
            }
            if (result.Results.FirstOrDefault(r => r.Exception is not null) is { Exception: { } exception })
                Assert.Fail($"generator exception at {context}: {exception}\n--- source ---\n{edited}");
            var crash = result.Diagnostics.FirstOrDefault(d => d.Id is "CS8785" or "AD0001" or "BPF9999");
            if (crash is not null)
                Assert.Fail($"{crash} at {context}\n--- source ---\n{edited}");
        }
        BpfSharp.Tests.SuiteReport.Line($"fuzz: {Variants} variants in {clock.ElapsedMilliseconds} ms, seed {seed}");
    }

    private static List<(string Name, string Text)> Sources()
    {
        var list = new List<(string, string)>();
        foreach (var dir in new[] { "tests", "samples" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, dir), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                    continue;
                string text = File.ReadAllText(file);
                if (text.Contains("[BpfProgram", StringComparison.Ordinal) && !file.EndsWith("FuzzTests.cs", StringComparison.Ordinal))
                    list.Add((Path.GetRelativePath(Repo.Root, file), text));
            }
        }
        foreach (var page in Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs", "diagnostics"), "*.md"))
        {
            string text = File.ReadAllText(page);
            foreach (var heading in new[] { "Bad", "Fixed" })
                if (DocsPageTests.Block(text, heading) is { } block)
                    list.Add((Path.GetFileName(page) + "#" + heading, block));
        }
        return list;
    }

    private static string Edit(string text, Random random)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        if (tokens.Count == 0)
            return text;
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits; e++)
        {
            var token = tokens[random.Next(tokens.Count)];
            var span = token.Span;
            if (span.End > text.Length)
                break;
            text = random.Next(4) switch
            {
                0 => text.Remove(span.Start, span.Length),
                1 => text.Remove(span.Start, span.Length).Insert(span.Start, Types[random.Next(Types.Length)]),
                2 => text.Substring(0, span.Start),
                _ => text.Insert(span.Start, token.Text + " "),
            };
            tokens = tokens.Where(t => t.Span.End <= span.Start).ToList();
            if (tokens.Count == 0)
                break;
        }
        return text;
    }
}
