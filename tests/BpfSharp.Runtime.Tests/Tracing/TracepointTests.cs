using System.Runtime.InteropServices;
using System.Text;

namespace BpfSharp.Runtime.Tests.Tracing;

[Collection(SerialCollection.Name)]
public sealed unsafe partial class TracepointTests
{
    private const int AtFdCwd = -100;
    private const long OpenFlags = 0x80000 | 0x4000; // O_CLOEXEC | O_DIRECTORY: a recognisable combination

    [KernelFact]
    public void Openat_fields_are_read_from_the_event_record()
    {
        Kernel.Require();
        int bpfBefore = Descriptors.CountBpf();
        using var pipe = TracePipe.Open();
        using (var programs = TracepointPrograms.Load())
        using (var link = programs.OnOpenat.Attach())
        {
            Assert.Equal("tracepoint:syscalls:sys_enter_openat", link.Description);
            int pid = Environment.ProcessId;
            string expected = $"bpfsharp-tp {pid} {AtFdCwd} {OpenFlags}";

            var line = TraceWait.Until(pipe, l => l.Contains(expected, StringComparison.Ordinal), OpenMarked);

            Assert.NotNull(line);
        }
        Assert.Equal(bpfBefore, Descriptors.CountBpf());
    }

    [KernelFact]
    public void The_matching_struct_passes_the_format_check()
    {
        Kernel.Require();
        using var programs = TracepointPrograms.Load();

        programs.OnOpenat.CheckTracepointFormat("syscalls", "sys_enter_openat");

        Assert.Equal(new[] { "SyscallNr@8:4", "Dfd@16:8", "Filename@24:8", "Flags@32:8", "Mode@40:8" },
            programs.OnOpenat.Spec!.TracepointFields.Select(f => $"{f.Name}@{f.Offset}:{f.Size}"));
    }

    [KernelFact]
    public void A_wrong_struct_fails_to_attach_naming_the_field_offset_and_size()
    {
        Kernel.Require();
        using var programs = TracepointPrograms.Load();
        int bpfBefore = Descriptors.CountBpf();

        var error = Assert.Throws<TracepointFormatException>(() => programs.OnOpenatWrong.Attach());

        // Dfd is misplaced, and so is everything after it.
        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("'Dfd' is at offset 12 with size 4, but the kernel's 'int dfd' is at offset 16 with size 8", error.Problems[0]);
        Assert.Contains("'Filename' is at offset 16", error.Problems[1]);
        Assert.Contains("syscalls:sys_enter_openat", error.Message);
        Assert.Equal(bpfBefore, Descriptors.CountBpf());
    }

    [KernelFact]
    public void An_unknown_tracepoint_is_named()
    {
        Kernel.Require();
        using var programs = TracepointPrograms.Load();

        var error = Assert.Throws<BpfNotSupportedException>(() => programs.OnOpenat.AttachTracepoint("syscalls", "sys_enter_bpfsharp_none"));

        Assert.Contains("syscalls:sys_enter_bpfsharp_none", error.Message);
    }

    [Fact]
    public void Format_text_parses_names_offsets_sizes_and_signedness()
    {
        const string text = """
            name: sched_switch
            ID: 316
            format:
            	field:unsigned short common_type;	offset:0;	size:2;	signed:0;
            	field:int common_pid;	offset:4;	size:4;	signed:1;

            	field:char prev_comm[16];	offset:8;	size:16;	signed:0;
            	field:const char * filename;	offset:24;	size:8;	signed:0;
            """;
        var format = TracepointFormat.Parse("sched", "sched_switch", text);

        Assert.Equal(new[] { "common_type@0:2", "common_pid@4:4", "prev_comm@8:16", "filename@24:8" },
            format.Fields.Select(f => $"{f.Name}@{f.Offset}:{f.Size}"));
        Assert.True(format.Fields[1].Signed);
        format.Check(new[] { new TracepointField("PrevComm", 8, 16), new TracepointField("CommonPid", 4, 4) });
        var missing = Assert.Throws<TracepointFormatException>(() => format.Check(new[] { new TracepointField("NextPid", 24, 4) }));
        Assert.Contains("'NextPid' is not in the format", missing.Message);
    }

    /// <summary>openat(AT_FDCWD, a path that does not exist, the marker flags, the marker mode): fails with ENOENT, fires the tracepoint.</summary>
    private static void OpenMarked()
    {
        byte[] path = Encoding.UTF8.GetBytes("/nonexistent-bpfsharp-" + Guid.NewGuid().ToString("N") + "\0");
        long number = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 56 : 257;
        fixed (byte* p = path)
        {
            long fd = Syscall(number, AtFdCwd, p, OpenFlags, (long)TracepointPrograms.MarkerMode);
            Assert.True(fd < 0, "the marker path unexpectedly exists");
        }
    }

    [LibraryImport("libc", EntryPoint = "syscall")]
    private static partial long Syscall(long number, long dfd, byte* path, long flags, long mode);
}
