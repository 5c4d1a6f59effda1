namespace BpfSharp.Tests;

/// <summary>
/// Figures a test wants seen beside the pass count (the oracle's counts, the codegen ratios): written to the test's
/// output and, when <c>BPFSHARP_REPORT</c> names a file (test.sh sets it), appended there for test.sh to print.
/// </summary>
internal static class SuiteReport
{
    private static readonly object Gate = new();

    public static void Line(string text)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        if (Environment.GetEnvironmentVariable("BPFSHARP_REPORT") is { Length: > 0 } path)
            lock (Gate)
                File.AppendAllText(path, text + Environment.NewLine);
    }
}
