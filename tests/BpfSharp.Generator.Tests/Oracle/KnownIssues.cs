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
        // BPF0006: a loop whose counter is halved (i >>= 1) is bounded, but LoopBounds only accepts constant steps.
        ["ControlFlow.Log2"] = "for (int i = 32; i > 0; i >>= 1) → BPF0006 'its condition does not compare a counter, changed only by constant steps, with a constant'",
    };
}
