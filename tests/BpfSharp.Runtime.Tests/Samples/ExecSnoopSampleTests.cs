using System.Diagnostics;
using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Samples;

/// <summary>The ExecSnoop sample run as a user runs it: a command the test starts shows up with its pid, parent and arguments.</summary>
[Collection(SerialCollection.Name)]
public class ExecSnoopSampleTests
{
    private static string SampleDll => Path.Combine(Repo.SampleOutput("ExecSnoop"), "ExecSnoop.dll");

    [KernelFact]
    public void A_command_run_while_tracing_is_printed_with_pid_ppid_uid_and_arguments_and_ctrl_c_detaches()
    {
        Kernel.Require();
        string marker = "bpfsharp-execsnoop-" + Guid.NewGuid().ToString("N")[..12];
        using var snoop = SampleProcess.Start("ExecSnoop", null, "--duration", "30", "--uid", "0");
        Assert.NotNull(snoop.WaitForLine(l => l.StartsWith("TIME(s)"), TimeSpan.FromSeconds(15)));

        using var command = Process.Start("/bin/true", new[] { marker, "second arg" })!;
        command.WaitForExit();
        string? line = snoop.WaitForLine(l => l.Contains(marker), TimeSpan.FromSeconds(10));

        Assert.NotNull(line);
        var columns = line!.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("true", columns[1]);
        Assert.Equal(command.Id.ToString(), columns[2]);
        Assert.Equal(Environment.ProcessId.ToString(), columns[3]);
        Assert.Equal("0", columns[4]);
        Assert.Equal($"/bin/true {marker} second arg", columns[5]);

        Assert.Equal(0, snoop.Interrupt(TimeSpan.FromSeconds(10)));
    }

    [KernelFact]
    public void The_uid_filter_set_before_load_hides_other_users()
    {
        Kernel.Require();
        Tools.Require("setpriv");
        string marker = "bpfsharp-execsnoop-" + Guid.NewGuid().ToString("N")[..12];
        using var snoop = SampleProcess.Start("ExecSnoop", null, "--duration", "30", "--uid", "65534");
        Assert.NotNull(snoop.WaitForLine(l => l.StartsWith("TIME(s)"), TimeSpan.FromSeconds(15)));

        Tools.Run("/bin/true", marker, "root");
        Tools.Run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", "/bin/true", marker, "nobody");
        string? line = snoop.WaitForLine(l => l.Contains(marker), TimeSpan.FromSeconds(10));

        Assert.NotNull(line);
        Assert.EndsWith($"/bin/true {marker} nobody", line);
        Assert.Contains(" 65534 ", line);
        Assert.Equal(0, snoop.Interrupt(TimeSpan.FromSeconds(10)));
        Assert.DoesNotContain(snoop.Lines, l => l.Contains(marker) && l.EndsWith("root"));
    }

    [Fact]
    public void Help_lists_the_options()
    {
        string output = Tools.Run("dotnet", SampleDll, "--help");
        foreach (var option in new[] { "--uid", "--duration", "--count" })
            Assert.Contains(option, output);
    }
}
