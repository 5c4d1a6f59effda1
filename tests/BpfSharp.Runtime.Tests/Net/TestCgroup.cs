using BpfSharp.Tests;
using System.Diagnostics;

namespace BpfSharp.Runtime.Tests.Net;

/// <summary>
/// A fresh cgroup v2 directory (named with the process id and a counter) under the cgroup2 mount, found in
/// /proc/mounts or mounted under a temporary directory when there is none. Processes are started inside it with
/// <see cref="RunShell"/>; disposing waits for them and removes the directory.
/// </summary>
internal sealed class TestCgroup : IDisposable
{
    private static int s_counter;
    private static readonly Lazy<string> s_root = new(FindOrMountRoot);

    private TestCgroup(string path) => Path = path;

    public string Path { get; }

    public static TestCgroup Create()
    {
        string path = System.IO.Path.Combine(s_root.Value, $"bpfsharp-{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}");
        Directory.CreateDirectory(path);
        return new TestCgroup(path);
    }

    /// <summary>Runs a bash script as a process that first moves itself into this cgroup; returns its output.</summary>
    public string RunShell(string script, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"echo $$ > '{Path}/cgroup.procs' || exit 90\n{script}");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"the process in {Path} did not finish: {script}");
        }
        if (process.ExitCode == 90)
            throw new InvalidOperationException($"could not join {Path}: {stderr.Result}");
        return stdout.Result + stderr.Result;
    }

    public void Dispose()
    {
        // A cgroup can be removed once its processes have exited; their exit is noticed asynchronously.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                    Directory.Delete(Path);
                return;
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(20);
            }
        }
    }

    private static string FindOrMountRoot()
    {
        foreach (var line in File.ReadLines("/proc/mounts"))
        {
            var fields = line.Split(' ');
            if (fields.Length > 2 && fields[2] == "cgroup2")
                return fields[1];
        }
        string target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bpfsharp-cgroup2");
        Directory.CreateDirectory(target);
        Tools.Run("mount", "-t", "cgroup2", "none", target);
        return target;
    }
}
