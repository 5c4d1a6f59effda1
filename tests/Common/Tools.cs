using System.Diagnostics;

namespace BpfSharp.Tests;

/// <summary>Runs external tools (clang, llvm-objdump, readelf, bpftool) for cross-checks against the real toolchain.</summary>
internal static class Tools
{
    /// <summary>Runs <paramref name="tool"/> and returns its stdout; throws with its stderr when it exits non-zero.</summary>
    public static string Run(string tool, params string[] arguments) => Run(tool, arguments, workingDirectory: null);

    public static string Run(string tool, IEnumerable<string> arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
            start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        // Read both streams concurrently so a chatty tool cannot block on a full pipe.
        var stderrTask = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string stderr = stderrTask.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{tool} {string.Join(" ", arguments)} exited with {process.ExitCode}:{Environment.NewLine}{stderr}");
        return stdout;
    }

    /// <summary>The full path of <paramref name="tool"/> on PATH, or null.</summary>
    public static string? Find(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0)
                continue;
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    public static bool IsCI => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the test when a tool is missing, except on CI where a missing tool is a failure.</summary>
    public static void Require(params string[] tools)
    {
        foreach (var tool in tools)
        {
            if (Find(tool) is not null)
                continue;
            string reason = $"{tool} is not installed (needed to cross-check against the real toolchain).";
            if (IsCI)
                Assert.Fail(reason + " CI=true, so this is a failure rather than a skip.");
            Assert.Skip(reason);
        }
    }

    /// <summary>A fresh temporary directory, deleted on dispose.</summary>
    public static TempDirectory CreateTempDirectory() => new();

    internal sealed class TempDirectory : IDisposable
    {
        public TempDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bpfsharp-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { }
        }
    }
}
