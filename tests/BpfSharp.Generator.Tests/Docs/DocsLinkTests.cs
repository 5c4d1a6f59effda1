using System.Text.RegularExpressions;

namespace BpfSharp.Tests.Docs;

/// <summary>Relative links between docs pages (and into the repository) point at files that exist.</summary>
public class DocsLinkTests
{
    /// <summary>Linked from the guide, written on another branch (packaging); remove once it is on main.</summary>
    private static readonly string[] PagesOwed = { };

    private static readonly Regex Link = new(@"\]\((?<target>[^)#\s]+)(?:#[^)]*)?\)");

    [Fact]
    public void Relative_links_resolve()
    {
        string docs = Path.Combine(Repo.Root, "docs");
        var broken = new List<string>();
        foreach (var page in Directory.GetFiles(docs, "*.md", SearchOption.AllDirectories).Append(Path.Combine(Repo.Root, "README.md")))
        {
            foreach (Match match in Link.Matches(File.ReadAllText(page)))
            {
                string target = match.Groups["target"].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                    continue;
                string resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target));
                string relative = Path.GetRelativePath(Repo.Root, resolved).Replace('\\', '/');
                if (!File.Exists(resolved) && !Directory.Exists(resolved) && !PagesOwed.Contains(relative))
                    broken.Add($"{Path.GetRelativePath(Repo.Root, page)} -> {target}");
            }
        }
        Assert.True(broken.Count == 0, "broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Owed_pages_are_still_missing()
    {
        foreach (var page in PagesOwed)
            Assert.False(File.Exists(Path.Combine(Repo.Root, page)), $"{page} exists now: remove it from {nameof(PagesOwed)}");
    }
}
