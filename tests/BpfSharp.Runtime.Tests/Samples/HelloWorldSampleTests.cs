using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Samples;

/// <summary>The Hello World sample, run as a user runs it, and its object loaded by libbpf (bpftool).</summary>
[Collection(SerialCollection.Name)]
public class HelloWorldSampleTests
{
    private static string SampleDll => Path.Combine(Repo.SampleOutput("HelloWorld"), "HelloWorld.dll");

    [KernelFact]
    public void Sample_prints_the_line_read_back_from_the_trace_pipe()
    {
        Kernel.Require();
        string output = Tools.Run("dotnet", SampleDll);

        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("trace_pipe: ") && l.EndsWith("bpf_trace_printk: Hello world!"));
        Assert.Contains(lines, l => l.StartsWith("attached to sys_enter, trace_pipe: ") && l.EndsWith("Hello world!"));
        Assert.Equal("Hello world!", lines.Last(l => l.Length > 0));
    }

    [KernelFact]
    public void Without_privileges_the_sample_says_so_in_one_line_and_fails()
    {
        Kernel.Require();
        Tools.Require("setpriv");
        // Drop to the unprivileged 'nobody' user: no capabilities, so loading must be refused up front.
        var start = new System.Diagnostics.ProcessStartInfo("setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet", SampleDll })
            start.ArgumentList.Add(arg);
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var process = System.Diagnostics.Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal("", stdout);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Loading eBPF programs needs root, or CAP_BPF with CAP_PERFMON", line);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
    }

    [KernelFact]
    public void Libbpf_loads_the_object_the_build_wrote()
    {
        Kernel.Require();
        Tools.Require("bpftool");
        string obj = Path.Combine(Repo.SampleOutput("HelloWorld"), "bpf", "HelloWorld.o");
        Assert.True(File.Exists(obj), $"the build should write {obj}");

        BpfFs.EnsureMounted();
        string pin = "/sys/fs/bpf/bpfsharp-test-hw-" + Environment.ProcessId;
        try
        {
            Tools.Run("bpftool", "prog", "loadall", obj, pin);
            string shown = Tools.Run("bpftool", "prog", "show", "pinned", Path.Combine(pin, "SayHello"));
            Assert.Contains("raw_tracepoint", shown);
            Assert.Contains("name SayHello", shown);
            Assert.Contains("gpl", shown);
        }
        finally
        {
            if (Directory.Exists(pin))
                Directory.Delete(pin, recursive: true);
        }
    }
}
