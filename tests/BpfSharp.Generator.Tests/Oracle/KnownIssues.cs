namespace BpfSharp.Generator.Tests.Oracle;

/// <summary>
/// Corpus programs kept out of the CI run until the compiler handles them, each with why. An entry is
/// "Class.Method" → the repro and what goes wrong; remove it when the compiler is fixed (the runner reports
/// how many it skipped, so a stale list shows).
/// </summary>
internal static class KnownIssues
{
    public static readonly IReadOnlyDictionary<string, string> Corpus = new Dictionary<string, string>
    {
    };
}
