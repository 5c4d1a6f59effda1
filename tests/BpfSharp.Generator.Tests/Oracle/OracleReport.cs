using System.Text;

namespace BpfSharp.Generator.Tests.Oracle;

/// <summary>What one differential run saw: counts, and a line (with listing or log) per failure.</summary>
internal sealed class OracleReport
{
    public int Programs { get; set; }
    public int Inputs { get; set; }
    public List<OracleFailure> Mismatches { get; } = new();
    public List<OracleFailure> Rejections { get; } = new();
    /// <summary>Methods the compiler refused (diagnostics) or that the CLR could not run: the oracle cannot compare them.</summary>
    public List<OracleFailure> NotCompiled { get; } = new();
    public List<string> KnownIssuesSkipped { get; } = new();
    /// <summary>Methods using maps or globals, which only the object path (generator, ELF, loader) can run.</summary>
    public List<string> ObjectPathOnly { get; } = new();

    public IEnumerable<OracleFailure> Failures => Mismatches.Concat(Rejections).Concat(NotCompiled);

    public string Summary =>
        $"{Programs} programs, {Inputs} inputs, {Mismatches.Count} mismatches, {Rejections.Count} verifier rejections, " +
        $"{NotCompiled.Count} not compiled, {KnownIssuesSkipped.Count} known issues skipped" +
        (ObjectPathOnly.Count > 0 ? $", {ObjectPathOnly.Count} left to the object path" : "");

    public string Describe(Func<string, string>? context = null, int limit = 5)
    {
        var text = new StringBuilder(Summary).AppendLine();
        foreach (var failure in Failures.Take(limit))
        {
            text.AppendLine().Append("== ").Append(failure.Kind).Append(' ').AppendLine(failure.Method);
            if (context is not null)
                text.AppendLine(context(failure.Method));
            text.AppendLine(failure.Detail);
        }
        return text.ToString();
    }
}

internal sealed record OracleFailure(string Kind, string Method, string Detail);
