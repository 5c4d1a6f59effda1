using System.Diagnostics;

namespace BpfSharp.Runtime.Tests.Packaging;

/// <summary>
/// Runs the dotnet CLI the way a user at a shell would: a clean environment (none of the MSBuild variables the
/// test host inherits from `dotnet test`), no MSBuild nodes left behind, and the whole output in the failure.
/// </summary>
public sealed class DotnetCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly Dictionary<string, string> _environment = new();

    /// <summary>Sets a variable for every command this CLI runs (e.g. NUGET_PACKAGES).</summary>
    public DotnetCli With(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    /// <summary>Runs dotnet with <paramref name="arguments"/> and returns its output; fails the test when it exits non-zero.</summary>
    public Task<string> Run(string workingDirectory, params string[] arguments) => RunTool(workingDirectory, "dotnet", arguments);

    public Task<(int ExitCode, string Output)> TryRun(string workingDirectory, params string[] arguments) =>
        TryRunTool(workingDirectory, "dotnet", arguments);

    /// <summary>Runs another program (for example <c>ip netns exec NAME dotnet ...</c>) in the same environment.</summary>
    public async Task<string> RunTool(string workingDirectory, string tool, params string[] arguments)
    {
        var (exitCode, output) = await TryRunTool(workingDirectory, tool, arguments);
        Assert.True(exitCode == 0, $"{tool} {string.Join(' ', arguments)} (in {workingDirectory}) exited with {exitCode}:\n{output}");
        return output;
    }

    public async Task<(int ExitCode, string Output)> TryRunTool(string workingDirectory, string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) || name == "DOTNET_HOST_PATH")
                start.Environment.Remove(name);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in _environment)
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"{tool} {string.Join(' ', arguments)} did not finish within {Timeout.TotalMinutes} minutes:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
