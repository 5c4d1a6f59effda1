using System.Text.RegularExpressions;

namespace BpfSharp.Tests.Docs;

internal enum SnippetKind
{
    /// <summary>A whole C# file (top-level statements make it a console program).</summary>
    File,
    /// <summary>Members of <c>public static unsafe partial class Programs</c>.</summary>
    Members,
    /// <summary>The body of a method: <c>unsafe void Run()</c>, or <c>async Task Run()</c> when it awaits.</summary>
    Statements,
}

/// <summary>One ```csharp block of a docs page, and how it becomes compilable source.</summary>
internal sealed record DocsBlock(string Page, int Index, int Line, SnippetKind Kind, string Code)
{
    public string Id => $"{Page}#{Index}";

    public bool IsProgram => Code.Contains("[BpfProgram", StringComparison.Ordinal);

    /// <summary>The using directives a wrapped snippet gets (a whole file declares its own).</summary>
    private const string SnippetUsings =
        "using System.Net.Sockets;\nusing System.Runtime.InteropServices;\nusing BpfSharp;\nusing BpfSharp.Runtime;\nusing Xunit;\n";

    /// <summary>A snippet's leading <c>using Namespace;</c> lines, which stay at file level when it is wrapped.</summary>
    private static readonly Regex LeadingUsings = new(@"\A(?:using [\w.]+;[ \t]*\n)+");

    public string Source()
    {
        var usings = LeadingUsings.Match(Code);
        string head = SnippetUsings + usings.Value, body = Code[usings.Length..];
        return Kind switch
        {
            SnippetKind.Members => $"{head}\npublic static unsafe partial class Programs\n{{\n{body}\n}}\n",
            SnippetKind.Statements when body.Contains("await ", StringComparison.Ordinal) =>
                $"{head}\ninternal static class Snippet{Index}\n{{\n    internal static async Task Run()\n    {{\n{body}\n    }}\n}}\n",
            SnippetKind.Statements =>
                $"{head}\ninternal static unsafe class Snippet{Index}\n{{\n    internal static void Run()\n    {{\n{body}\n    }}\n}}\n",
            _ => Code,
        };
    }
}

internal static class DocsBlocks
{
    /// <summary>What a console project with ImplicitUsings gets, as the docs' readers' projects do.</summary>
    public const string ImplicitUsings =
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n" +
        "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    private static readonly Regex Fence = new(
        @"^(?:<!--\s*snippet:\s*(?<kind>\w+)\s*-->\s*\n(?:\s*\n)*)?```csharp[ \t]*\n(?<code>.*?)^```[ \t]*$",
        RegexOptions.Singleline | RegexOptions.Multiline);

    private static string DocsDirectory => Path.Combine(Repo.Root, "docs");

    /// <summary>docs/**/*.md relative to docs/, except the diagnostics pages (DocsPageTests compiles their examples).</summary>
    public static IEnumerable<string> Pages() => Directory
        .GetFiles(DocsDirectory, "*.md", SearchOption.AllDirectories)
        .Select(p => Path.GetRelativePath(DocsDirectory, p).Replace('\\', '/'))
        .Where(p => !p.StartsWith("diagnostics/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal);

    public static IReadOnlyList<DocsBlock> Read(string page)
    {
        string text = File.ReadAllText(Path.Combine(DocsDirectory, page)).Replace("\r\n", "\n");
        var blocks = new List<DocsBlock>();
        foreach (Match match in Fence.Matches(text))
        {
            var kind = match.Groups["kind"].Success ? Parse(match.Groups["kind"].Value, page) : SnippetKind.File;
            int line = text.AsSpan(0, match.Groups["code"].Index).Count('\n');
            blocks.Add(new DocsBlock(page, blocks.Count, line, kind, match.Groups["code"].Value));
        }
        return blocks;
    }

    /// <summary>The block, and the nearest program block above it on its page when it is not one itself.</summary>
    public static (string Page, DocsBlock Block, DocsBlock? Context) Find(string id)
    {
        int hash = id.LastIndexOf('#');
        string page = id[..hash];
        var blocks = Read(page);
        var block = blocks[int.Parse(id[(hash + 1)..])];
        var context = block.IsProgram ? null : blocks.Take(block.Index).LastOrDefault(b => b.IsProgram);
        return (page, block, context);
    }

    private static SnippetKind Parse(string kind, string page) => kind switch
    {
        "members" => SnippetKind.Members,
        "statements" => SnippetKind.Statements,
        "file" => SnippetKind.File,
        _ => throw new InvalidOperationException($"{page}: unknown snippet kind '{kind}' (members, statements, file)"),
    };
}
