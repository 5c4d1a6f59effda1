using System.Collections.Concurrent;
using System.Diagnostics;
using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Samples;

/// <summary>
/// A sample run as a user runs it, inside a network namespace (<c>ip netns exec</c> execs, so the process id is the
/// sample's; so does <c>env</c>). Lines of standard output are collected as they come; disposing kills a sample still running.
/// </summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly List<string> _seen = new();
    private readonly System.Text.StringBuilder _errors = new();

    private SampleProcess(Process process) => _process = process;

    public static SampleProcess Start(string sample, string? netns, params string[] arguments)
    {
        var start = new ProcessStartInfo(netns is null ? "env" : "ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (netns is not null)
            foreach (var a in new[] { "netns", "exec", netns, "env" })
                start.ArgumentList.Add(a);
        // A test run started in the background (no job control) inherits SIGINT ignored, and so would the sample:
        // Ctrl-C must reach it as it does in a terminal. env execs, so the process id stays the sample's.
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(Repo.SampleOutput(sample), sample + ".dll"));
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        var process = new Process { StartInfo = start };
        var sampleProcess = new SampleProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                sampleProcess._lines.CompleteAdding();
            else
                sampleProcess._lines.Add(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (sampleProcess._errors)
                sampleProcess._errors.AppendLine(e.Data);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sampleProcess;
    }

    /// <summary>Every line read so far.</summary>
    public IReadOnlyList<string> Lines => _seen;

    /// <summary>Waits for a line matching <paramref name="match"/>; fails with what the sample said if none comes.</summary>
    public string WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!_lines.TryTake(out var line, deadline - DateTime.UtcNow))
                break;
            _seen.Add(line);
            if (match(line))
                return line;
        }
        throw new Xunit.Sdk.XunitException($"No expected line within {timeout}. Output:\n{string.Join('\n', _seen)}\nErrors:\n{Errors}");
    }

    /// <summary>Ctrl-C.</summary>
    public void Interrupt() => Tools.Run("kill", "-INT", _process.Id.ToString());

    /// <summary>Ctrl-C, then the exit code once the sample has cleaned up.</summary>
    public int Interrupt(TimeSpan timeout)
    {
        Interrupt();
        return WaitForExit(timeout);
    }

    /// <summary>Waits for the exit and returns the code, with the remaining output read into <see cref="Lines"/>.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
            throw new Xunit.Sdk.XunitException($"The sample did not exit within {timeout}. Output:\n{string.Join('\n', _seen)}");
        _process.WaitForExit();
        while (_lines.TryTake(out var line, TimeSpan.FromSeconds(1)))
            _seen.Add(line);
        return _process.ExitCode;
    }

    public string Errors
    {
        get
        {
            lock (_errors)
                return _errors.ToString();
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
