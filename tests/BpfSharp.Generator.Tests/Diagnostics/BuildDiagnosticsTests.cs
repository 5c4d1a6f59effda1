using System.Diagnostics;
using BpfSharp.Tests.Generator;

namespace BpfSharp.Tests.Diagnostics;

public class BuildDiagnosticsTests
{
    /// <summary>One real `dotnet build` of tests/DiagnosticsBuild: the errors come out as file(line,col): error BPFxxxx lines.</summary>
    [Fact]
    public async Task Dotnet_build_prints_errors_like_the_csharp_compiler()
    {
        using var temp = Tools.CreateTempDirectory();
        string project = Path.Combine(Repo.Root, "tests", "DiagnosticsBuild", "DiagnosticsBuild.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "build", project, "-o", temp.Path, "-nologo", "-clp:NoSummary" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        output += await stderr;

        Assert.NotEqual(0, process.ExitCode);
        Assert.Matches(@"Broken\.cs\(11,9\): error BPF0203: 'Hello' calls the GPL-only helper bpf_trace_printk#6", output);
        Assert.Matches(@"Broken\.cs\(12,24\): error BPF0001: '0\.5' cannot be compiled to eBPF: eBPF has no floating point", output);
    }

    /// <summary>Good programs produce no diagnostics at all: the samples and the generator tests' own programs.</summary>
    [Fact]
    public void Sample_programs_produce_no_diagnostics()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Repo.Root, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
            .Select(File.ReadAllText)
            .Where(t => t.Contains("[BpfProgram", StringComparison.Ordinal))
            .Append(GeneratorTests.HelloWorld)
            .ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
            Assert.Empty(GeneratorHarness.Run(source).Result.Diagnostics);
    }
}
