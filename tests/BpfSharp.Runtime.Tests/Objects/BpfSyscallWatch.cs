namespace BpfSharp.Runtime.Tests.Objects;

/// <summary>
/// Counts the bpf(2) calls of one process, in a .bss counter the host reads through its mapping (so reading it is
/// not itself a bpf call): the witness that mapped globals are read and written without syscalls.
/// </summary>
public static partial class BpfSyscallWatch
{
    internal static readonly uint Tgid = 0;
    internal static readonly ulong BpfSyscall = 0;
    internal static ulong Calls;

    /// <summary>sys_enter's raw arguments: the registers, then the syscall number.</summary>
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Count(RawTracepointContext ctx)
    {
        if ((uint)(Bpf.GetCurrentPidTgid() >> 32) == Tgid && ctx.Arg(1) == BpfSyscall)
            Calls++;
        return 0;
    }
}
