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
