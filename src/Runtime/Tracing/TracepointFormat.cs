using System.Globalization;
using System.Text.RegularExpressions;

namespace BpfSharp.Runtime;

/// <summary>One field of a tracepoint's record as tracefs describes it.</summary>
/// <param name="Declaration">The C declaration, e.g. <c>const char * filename</c>.</param>
public sealed record TracepointFormatField(string Name, string Declaration, int Offset, int Size, bool Signed);

/// <summary>One field of the struct a program reads the record through, with offsets from the record's start.</summary>
public sealed record TracepointField(string Name, int Offset, int Size);

/// <summary>
/// A tracepoint's record layout, parsed from tracefs <c>events/CATEGORY/NAME/format</c>, and the check that a
/// program's struct agrees with it.
/// </summary>
public sealed partial class TracepointFormat
{
    private TracepointFormat(string category, string name, IReadOnlyList<TracepointFormatField> fields)
    {
        Category = category;
        Name = name;
        Fields = fields;
    }

    public string Category { get; }

    public string Name { get; }

    /// <summary>Every field, the common header's included, in record order.</summary>
    public IReadOnlyList<TracepointFormatField> Fields { get; }

    /// <summary>Reads the format of a tracepoint of the running kernel.</summary>
    /// <exception cref="BpfNotSupportedException">The kernel has no such tracepoint.</exception>
    public static TracepointFormat Read(string category, string name)
    {
        string path = TraceFs.PathOf(Path.Combine("events", category, name, "format"));
        if (!File.Exists(path))
            throw new BpfNotSupportedException($"tracepoint {category}:{name}", $"{path} does not exist.");
        return Parse(category, name, File.ReadAllText(path));
    }

    /// <summary>Parses the text of a format file.</summary>
    public static TracepointFormat Parse(string category, string name, string text)
    {
        var fields = new List<TracepointFormatField>();
        foreach (Match m in FieldLine().Matches(text))
        {
            string declaration = m.Groups["decl"].Value.Trim();
            fields.Add(new TracepointFormatField(FieldName(declaration), declaration,
                int.Parse(m.Groups["offset"].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups["size"].Value, CultureInfo.InvariantCulture),
                m.Groups["signed"].Value == "1"));
        }
        return new TracepointFormat(category, name, fields);
    }

    /// <summary>
    /// Checks that each of <paramref name="expected"/> names a field of this format at the same offset and size;
    /// names match after dropping underscores and case (<c>SyscallNr</c> is <c>__syscall_nr</c>).
    /// </summary>
    /// <exception cref="TracepointFormatException">A field is missing or lies elsewhere; the message names it.</exception>
    public void Check(IEnumerable<TracepointField> expected, string? structName = null)
    {
        var problems = new List<string>();
        foreach (var field in expected)
        {
            var actual = Fields.FirstOrDefault(f => Normalize(f.Name) == Normalize(field.Name));
            if (actual is null)
                problems.Add($"field '{field.Name}' is not in the format (its fields: {string.Join(", ", Fields.Select(f => f.Name))})");
            else if (actual.Offset != field.Offset || actual.Size != field.Size)
                problems.Add($"field '{field.Name}' is at offset {field.Offset} with size {field.Size}, but the kernel's '{actual.Declaration}' is at offset {actual.Offset} with size {actual.Size}");
        }
        if (problems.Count > 0)
            throw new TracepointFormatException(Category, Name, structName, problems);
    }

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The identifier in a declaration such as <c>const char * filename</c> or <c>char comm[16]</c>.</summary>
    private static string FieldName(string declaration)
    {
        string d = declaration;
        int bracket = d.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
            d = d[..bracket];
        d = d.TrimEnd();
        int start = d.Length;
        while (start > 0 && (char.IsLetterOrDigit(d[start - 1]) || d[start - 1] == '_'))
            start--;
        return d[start..];
    }

    [GeneratedRegex(@"field:(?<decl>[^;]+);\s*offset:(?<offset>\d+);\s*size:(?<size>\d+);\s*signed:(?<signed>\d+);")]
    private static partial Regex FieldLine();
}

/// <summary>A program's tracepoint struct disagrees with the kernel's format for the tracepoint.</summary>
public sealed class TracepointFormatException : InvalidOperationException
{
    public TracepointFormatException(string category, string name, string? structName, IReadOnlyList<string> problems)
        : base($"The fields {(structName is null ? "" : $"of '{structName}' ")}do not match tracepoint {category}:{name}: " + string.Join("; ", problems) + ".")
    {
        Problems = problems;
    }

    /// <summary>One sentence per mismatching field.</summary>
    public IReadOnlyList<string> Problems { get; }
}
