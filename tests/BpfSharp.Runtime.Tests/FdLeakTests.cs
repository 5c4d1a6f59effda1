namespace BpfSharp.Runtime.Tests;

[Collection(SerialCollection.Name)]
public sealed class FdLeakTests
{
    /// <summary>
    /// Fds that refer to BPF objects (anon_inode:bpf-prog, bpf_link, bpf-map, btf, perf_event). The total count is
    /// useless here: the runtime opens and closes assembly and pipe fds on its own schedule.
    /// </summary>
    private static List<string> BpfFds() => Directory.GetFiles("/proc/self/fd")
        .Select(f => (Fd: Path.GetFileName(f), Target: TryReadLink(f)))
        .Where(e => e.Target is { } t && t.StartsWith("anon_inode:", StringComparison.Ordinal)
                    && (t.Contains("bpf") || t.Contains("btf") || t.Contains("perf_event")))
        .Select(e => $"{e.Fd}->{e.Target}")
        .ToList();

    private static int OpenFds() => BpfFds().Count;

    private static string Describe() => string.Join(", ", BpfFds());

    private static string? TryReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null; // closed between listing and reading
        }
    }

    [KernelFact]
    public void Loading_and_disposing_a_thousand_programs_leaves_no_fd_behind()
    {
        Kernel.Require();
        var code = TestPrograms.Return(0);
        // Warm up once so lazily opened runtime files do not count as leaks.
        BpfProgram.Load(ProgramType.SocketFilter, code, "GPL", "leak_warmup").Dispose();
        int before = OpenFds();

        for (int i = 0; i < 1000; i++)
        {
            using var program = BpfProgram.Load(ProgramType.SocketFilter, code, "GPL", "leak_check");
            _ = program.Info;
        }

        Assert.True(before == OpenFds(), Describe());
    }

    [KernelFact]
    public void Failed_loads_and_links_leave_no_fd_behind()
    {
        Kernel.Require();
        BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.Return(0), "GPL", "leak_warmup").Dispose();
        int before = OpenFds();

        for (int i = 0; i < 100; i++)
        {
            Assert.Throws<BpfVerifierException>(() =>
                BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.ReadsUninitializedRegister(), "GPL", "leak_bad"));
            using var program = BpfProgram.Load(ProgramType.RawTracepoint, TestPrograms.Return(0), "GPL", "leak_rawtp");
            using var link = program.AttachRawTracepoint("sys_enter");
            using var tracepointProgram = BpfProgram.Load(ProgramType.Tracepoint, TestPrograms.Return(0), "GPL", "leak_tp");
            using var perfLink = tracepointProgram.AttachTracepoint("raw_syscalls", "sys_enter");
        }

        Assert.True(before == OpenFds(), Describe());
    }

    [KernelFact]
    public void Disposing_twice_is_harmless_and_the_fd_reports_closed()
    {
        Kernel.Require();
        var program = BpfProgram.Load(ProgramType.SocketFilter, TestPrograms.Return(0), "GPL", "twice");
        int raw = program.Fd.Value;
        Assert.StartsWith("anon_inode:bpf-prog", new FileInfo($"/proc/self/fd/{raw}").LinkTarget);

        program.Dispose();
        program.Dispose();

        Assert.True(program.Fd.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => program.Fd.Value);
        Assert.Throws<ObjectDisposedException>(() => program.Info);
    }
}
