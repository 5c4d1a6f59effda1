namespace BpfSharp.Tests.Programs;

/// <summary>The text of the program classes in this folder, for tests that run the generator in-process on them.</summary>
internal static class SharedPrograms
{
    public static string Source(string className) =>
        File.ReadAllText(Path.Combine(Repo.Root, "tests", "Common", "Programs", className + ".cs"));
}
