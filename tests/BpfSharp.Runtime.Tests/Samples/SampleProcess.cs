using System.Collections.Concurrent;
using System.Diagnostics;

namespace BpfSharp.Runtime.Tests.Samples;

/// <summary>A sample running in the background whose output lines a test waits for; killed on dispose if still running.</summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly Process process;
    private readonly BlockingCollection<string> incoming = new();
    private readonly List<string> lines = new();

    private SampleProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
                incoming.Add(line);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
                incoming.Add("stderr: " + line);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Every line read so far (stderr lines prefixed "stderr: ").</summary>
    public IReadOnlyList<string> Lines => lines;

    public static SampleProcess Start(string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C";
        return new SampleProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start " + dll));
    }

    /// <summary>The first line from now on matching <paramref name="match"/>, or null after <paramref name="timeout"/>.</summary>
    public string? WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!incoming.TryTake(out var line, TimeSpan.FromMilliseconds(100)))
                continue;
            lines.Add(line);
            if (match(line))
                return line;
        }
        return null;
    }

    /// <summary>Waits for the sample to end by itself and returns its exit code, every line read.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
            throw new TimeoutException("The sample did not exit in time.");
        process.WaitForExit();
        while (incoming.TryTake(out var line))
            lines.Add(line);
        return process.ExitCode;
    }

    /// <summary>Sends SIGINT (Ctrl-C) and returns the exit code.</summary>
    public int Interrupt(TimeSpan timeout)
    {
        BpfSharp.Tests.Tools.Run("kill", "-INT", process.Id.ToString());
        if (!process.WaitForExit(timeout))
            throw new TimeoutException("The sample did not exit after SIGINT.");
        process.WaitForExit();
        while (incoming.TryTake(out var line))
            lines.Add(line);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }
}
