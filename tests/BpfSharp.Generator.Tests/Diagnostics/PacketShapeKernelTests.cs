using System.Text.RegularExpressions;
using BpfSharp.Generator.Tests.Oracle;
using BpfSharp.Runtime;
using BpfSharp.Tests.Generator;
using Microsoft.CodeAnalysis;

namespace BpfSharp.Tests.Diagnostics;

/// <summary>
/// BPF0201 decides as the verifier does, both ways. Each packet parser shape under Diagnostics/PacketShapes
/// compiles without a diagnostic and the kernel loads it; each XDP program of the broken corpus that BPF0201 refuses,
/// compiled with the analyses off, is refused by the kernel too, with the message its <c>// verifier:</c> line names,
/// at the C# line the analysis marked.
/// </summary>
public class PacketShapeKernelTests
{
    private static readonly Regex VerifierLine = new(@"^// verifier: (.+)$", RegexOptions.Multiline);

    /// <summary>Where the kernel stops when it is not the marked line (an inlined callee's line): that line's text.</summary>
    private static readonly Regex VerifierAt = new(@"^// verifier stops at: (.+)$", RegexOptions.Multiline);

    private static string ShapesDirectory => Path.Combine(Repo.Root, "tests", "BpfSharp.Generator.Tests", "Diagnostics", "PacketShapes");

    private const string DisableAttribute = "internal sealed class BpfSharpDisableAnalysisAttribute : System.Attribute { }";

    public static TheoryData<string> Accepted()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ShapesDirectory, "*.cs").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    /// <summary>The XDP programs of the broken corpus that BPF0201 refuses.</summary>
    public static TheoryData<string> Refused()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusTests.CorpusDirectory, "0201*.cs").Order(StringComparer.Ordinal))
        {
            if (File.ReadAllText(file).Contains("[BpfProgram, Xdp]", StringComparison.Ordinal))
                data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Fact]
    public void There_are_shapes_both_ways()
    {
        Assert.True(Accepted().Count >= 20, $"only {Accepted().Count} accepted shapes");
        Assert.True(Refused().Count >= 15, $"only {Refused().Count} refused XDP shapes");
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepted_shape_compiles_clean_and_loads(string name)
    {
        string source = File.ReadAllText(Path.Combine(ShapesDirectory, name));
        var run = GeneratorHarness.Run(source, CorpusTests.SupportSource).Result;
        Assert.True(run.Diagnostics.IsEmpty, string.Join(Environment.NewLine, run.Diagnostics));
        byte[] elf = GeneratorHarness.ObjectOf(run, ClassOf(source));

        KernelGate.Require();
        using var loaded = BpfObject.Load(elf);
        Assert.Single(loaded.Programs);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_shape_is_refused_by_the_kernel(string name)
    {
        string source = File.ReadAllText(Path.Combine(CorpusTests.CorpusDirectory, name));
        var expected = VerifierLine.Match(source);
        Assert.True(expected.Success, $"{name} does not say which verifier message refuses it ('// verifier: ...')");
        var on = GeneratorHarness.Run(source, CorpusTests.SupportSource).Result;
        Assert.Contains(on.Diagnostics, d => d.Id == "BPF0201");

        string twin = Regex.Replace(source, @"^public static unsafe partial class", "[BpfSharpDisableAnalysis]\npublic static unsafe partial class", RegexOptions.Multiline);
        var off = GeneratorHarness.Run(twin, CorpusTests.SupportSource, DisableAttribute).Result;
        Assert.True(off.Diagnostics.IsEmpty, string.Join(Environment.NewLine, off.Diagnostics));
        byte[] elf = GeneratorHarness.ObjectOf(off, ClassOf(source));

        KernelGate.Require();
        var ex = Assert.Throws<BpfVerifierException>(() => { using var _ = BpfObject.Load(elf); });
        Assert.True(ex.Log.Contains(expected.Groups[1].Value.Trim(), StringComparison.Ordinal),
            "the kernel refused it otherwise:\n" + string.Join("\n", ex.Log.Split('\n').TakeLast(12)));
        // The kernel stops at the line the analysis marked (the twin has one more line, the attribute).
        int marked = on.Diagnostics.First(d => d.Id == "BPF0201").Location.GetLineSpan().StartLinePosition.Line + 1;
        if (VerifierAt.Match(source) is { Success: true } at)
            marked = Array.FindIndex(source.Split('\n'), l => l.Contains(at.Groups[1].Value.Trim(), StringComparison.Ordinal) && !l.StartsWith("//", StringComparison.Ordinal)) + 1;
        Assert.Equal(marked + 1, ex.SourceLine);
    }

    /// <summary>
    /// The one shape known to be refused although the kernel loads it: a cursor advanced by a variable length in a
    /// loop. The verifier walks the 8 iterations and bounds the sum of the lengths (8 * 64); the analysis joins the
    /// iterations and cannot, so it asks for the offset to be masked (PacketShapes/39). If this starts passing, move it
    /// to PacketShapes.
    /// </summary>
    [Fact]
    public void Cursor_advanced_by_a_variable_length_is_refused_though_the_kernel_loads_it()
    {
        const string source = """
            using BpfSharp;

            public static unsafe partial class VariableAdvance
            {
                [BpfProgram, Xdp]
                public static XdpAction Run(XdpContext ctx)
                {
                    byte* end = ctx.DataEnd;
                    byte* opt = ctx.Data + 54;
                    for (int i = 0; i < 8; i++)
                    {
                        if (opt + 2 > end) break;
                        if (opt[0] == 0) break;
                        if (opt[0] == 2) return XdpAction.Drop;
                        opt += (opt[1] & 0x3f) + 1;
                    }
                    return XdpAction.Pass;
                }
            }
            """;
        Assert.Contains(GeneratorHarness.Run(source).Result.Diagnostics, d => d.Id == "BPF0201");
        var off = GeneratorHarness.Run(source.Replace("public static unsafe partial class", "[BpfSharpDisableAnalysis] public static unsafe partial class"), DisableAttribute).Result;
        Assert.Empty(off.Diagnostics);

        KernelGate.Require();
        using var loaded = BpfObject.Load(GeneratorHarness.ObjectOf(off, "VariableAdvance"));
    }

    private static string ClassOf(string source) => Regex.Match(source, @"partial class (\w+)").Groups[1].Value;
}
