using System.Text.RegularExpressions;
using BpfSharp.Generator.Diagnostics;
using BpfSharp.Tests.Generator;

namespace BpfSharp.Tests.Diagnostics;

/// <summary>
/// docs/diagnostics/BPFxxxx.md cannot rot: every descriptor has a page (with its help link), and each page's bad
/// example, run through the generator, produces exactly its ID while the fixed one produces nothing.
/// </summary>
public class DocsPageTests
{
    /// <summary>Declared on main but checked only on the compiler's branch so far: no page until the check exists.</summary>
    private static readonly string[] NotYetChecked = { };

    /// <summary>Checked, but their pages are owed by the maps work that added them (listed so the gap stays visible).</summary>
    private static readonly string[] PageOwed = { "BPF0008", "BPF0150", "BPF0151", "BPF0152", "BPF0153", "BPF0154", "BPF0155", "BPF0156" };

    /// <summary>Whose fixed example the analyses accept but the compiler cannot lower yet (pointers, map lookups).</summary>
    private static readonly string[] FixedNeedsCompilerSupport = { "BPF0200", "BPF0201" };

    private static string DocsDirectory => Path.Combine(Repo.Root, "docs", "diagnostics");

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in DiagnosticDescriptors.All.OrderBy(d => d.Id, StringComparer.Ordinal))
            data.Add(descriptor.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_is_documented_with_title_fix_category_and_link(string id)
    {
        var descriptor = DiagnosticDescriptors.ById(id);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.StartsWith("BpfSharp.", descriptor.Category);
        Assert.EndsWith("/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
        string path = Path.Combine(DocsDirectory, id + ".md");
        if (NotYetChecked.Contains(id))
        {
            Assert.False(File.Exists(path), $"{id} has a page: remove it from {nameof(NotYetChecked)}");
            return;
        }
        if (PageOwed.Contains(id) && !File.Exists(path))
            return;
        Assert.True(File.Exists(path), $"{id} has no page {path}");
        Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(path));
    }

    [Fact]
    public void Every_page_belongs_to_a_descriptor()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToHashSet();
        Assert.All(Directory.GetFiles(DocsDirectory, "BPF*.md"), page => Assert.Contains(Path.GetFileNameWithoutExtension(page), ids));
    }

    public static TheoryData<string> PagesWithExamples()
    {
        var data = new TheoryData<string>();
        foreach (var page in Directory.GetFiles(DocsDirectory, "BPF*.md").Order(StringComparer.Ordinal))
        {
            if (Block(File.ReadAllText(page), "Bad") is not null)
                data.Add(Path.GetFileNameWithoutExtension(page));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesWithExamples))]
    public void Bad_example_produces_exactly_its_id_and_fixed_example_nothing(string id)
    {
        string text = File.ReadAllText(Path.Combine(DocsDirectory, id + ".md"));
        var bad = GeneratorHarness.Run(Block(text, "Bad")!, CorpusTests.SupportSource).Result.Diagnostics;
        Assert.NotEmpty(bad);
        Assert.All(bad, d => Assert.True(d.Id == id, d.ToString()));

        var @fixed = GeneratorHarness.Run(Block(text, "Fixed") ?? throw new InvalidOperationException("no Fixed block"), CorpusTests.SupportSource).Result.Diagnostics;
        if (FixedNeedsCompilerSupport.Contains(id))
            @fixed = @fixed.RemoveAll(d => d.Id == "BPF0001"); // the compiler's, for what it cannot lower yet
        Assert.True(@fixed.IsEmpty, string.Join(Environment.NewLine, @fixed));
    }

    internal static string? Block(string page, string heading)
    {
        var match = Regex.Match(page, "^## " + heading + @"\s*```csharp\n(.*?)```", RegexOptions.Singleline | RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : null;
    }
}
