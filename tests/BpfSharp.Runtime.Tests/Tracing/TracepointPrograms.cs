namespace BpfSharp.Runtime.Tests.Tracing;

/// <summary>syscalls/sys_enter_openat after the common header: every syscall argument is an 8-byte field.</summary>
public struct SysEnterOpenat
{
    public int SyscallNr;
    public long Dfd;
    public ulong Filename;
    public long Flags;
    public ulong Mode;
}

/// <summary>A deliberately wrong declaration: dfd as a 4-byte int right after the syscall number.</summary>
public struct WrongSysEnterOpenat
{
    public int SyscallNr;
    public int Dfd;
    public ulong Filename;
}

public static partial class TracepointPrograms
{
    /// <summary>The mode the test passes to openat, so the program reacts to the test's calls only.</summary>
    public const ulong MarkerMode = 0x5a17;

    [BpfProgram, Tracepoint("syscalls", "sys_enter_openat")]
    public static int OnOpenat(TracepointContext<SysEnterOpenat> ctx)
    {
        if (ctx.Fields.Mode != MarkerMode)
            return 0;
        Bpf.Printk("bpfsharp-tp %d %d %d", (long)(Bpf.GetCurrentPidTgid() >> 32), ctx.Fields.Dfd, ctx.Fields.Flags);
        return 0;
    }

    [BpfProgram, Tracepoint("syscalls", "sys_enter_openat")]
    public static int OnOpenatWrong(TracepointContext<WrongSysEnterOpenat> ctx) => ctx.Fields.Dfd;
}
