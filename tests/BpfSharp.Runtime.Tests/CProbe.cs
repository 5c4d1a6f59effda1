using System.Diagnostics;
using System.Text;

namespace BpfSharp.Runtime.Tests;

/// <summary>Evaluates integer C expressions (offsetof, sizeof) by compiling a throwaway program with gcc.</summary>
internal static class CProbe
{
    public static long[] Evaluate(IReadOnlyList<string> includes, IReadOnlyList<string> expressions)
    {
        var source = new StringBuilder();
        source.AppendLine("#include <stdio.h>").AppendLine("#include <stddef.h>");
        foreach (var include in includes)
            source.AppendLine($"#include <{include}>");
        source.AppendLine("int main(void) {");
        foreach (var expression in expressions)
            source.AppendLine($"    printf(\"%lld\\n\", (long long)({expression}));");
        source.AppendLine("    return 0;").AppendLine("}");

        string directory = Directory.CreateTempSubdirectory("bpfsharp-cprobe-").FullName;
        try
        {
            string c = Path.Combine(directory, "probe.c"), exe = Path.Combine(directory, "probe");
            File.WriteAllText(c, source.ToString());
            Run("gcc", $"-o {exe} {c}");
            var output = Run(exe, "");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static bool HasCompiler()
    {
        try
        {
            Run("gcc", "--version");
            return true;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }

    private static string Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new InvalidOperationException($"{file} timed out");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }
}
