namespace BpfSharp.Runtime.Tests;

public sealed class PinningTests
{
    [KernelFact]
    public void Pinned_program_and_link_outlive_their_fds_until_unpinned()
    {
        Kernel.Require();
        string root = BpfFs.EnsureMounted();
        string programPath = Path.Combine(root, "bpfsharp_test_prog_" + Guid.NewGuid().ToString("N")[..8]);
        string linkPath = programPath + "_link";
        try
        {
            uint id;
            using (var program = BpfProgram.Load(ProgramType.RawTracepoint, TestPrograms.Return(0), "GPL", "pinned"))
            {
                id = program.Info.Id;
                BpfFs.Pin(program.Fd, programPath);
                using var link = program.AttachRawTracepoint("sys_enter");
                link.Pin(linkPath);
            }

            Assert.True(File.Exists(programPath));
            using var reopened = BpfFs.Open(programPath);
            Assert.StartsWith("anon_inode:bpf-prog", new FileInfo($"/proc/self/fd/{reopened.Value}").LinkTarget);
            using var reopenedLink = BpfFs.Open(linkPath);
            Assert.StartsWith("anon_inode:bpf-link", new FileInfo($"/proc/self/fd/{reopenedLink.Value}").LinkTarget);
            Assert.Contains($"prog_id:\t{id}", File.ReadAllText($"/proc/self/fdinfo/{reopenedLink.Value}"));
        }
        finally
        {
            if (File.Exists(linkPath))
                BpfFs.Unpin(linkPath);
            if (File.Exists(programPath))
                BpfFs.Unpin(programPath);
        }
        Assert.False(File.Exists(programPath));
    }

    [KernelFact]
    public void Opening_a_missing_pin_is_ENOENT()
    {
        Kernel.Require();
        string root = BpfFs.EnsureMounted();

        var error = Assert.Throws<BpfException>(() => BpfFs.Open(Path.Combine(root, "bpfsharp_no_such_pin")));

        Assert.Equal("BPF_OBJ_GET", error.Command);
        Assert.Equal("ENOENT", error.ErrnoName);
    }

    [KernelFact]
    public void File_systems_are_mounted_on_demand()
    {
        Kernel.Require();

        Assert.Equal("/sys/fs/bpf", BpfFs.EnsureMounted());
        Assert.Contains(File.ReadAllLines("/proc/self/mounts"), l => l.Split(' ') is [_, "/sys/fs/bpf", "bpf", ..]);
        Assert.True(File.Exists(Path.Combine(TraceFs.Root, "trace_pipe")));
    }
}
