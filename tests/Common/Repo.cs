namespace BpfSharp.Tests;

/// <summary>Paths in this repository, found from the test's output directory.</summary>
internal static class Repo
{
    public static readonly string Root = FindRoot();

    /// <summary>The configuration this test assembly was built in (Debug or Release), from its output path.</summary>
    public static readonly string Configuration =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>The output directory of a sample built alongside the tests.</summary>
    public static string SampleOutput(string sample) =>
        Path.Combine(Root, "samples", sample, "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BpfSharp.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (BpfSharp.slnx) above " + AppContext.BaseDirectory);
    }
}
