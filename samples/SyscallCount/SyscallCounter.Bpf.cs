using BpfSharp;

namespace BpfSharp.Samples;

/// <summary>
/// Counts one syscall of one process three ways at once: a non-atomic read-modify-write of a value every CPU shares
/// (updates race and get lost), an atomic add on a shared value, and a non-atomic add on a per-CPU value (no sharing,
/// so nothing to race with).
/// </summary>
public static unsafe partial class SyscallCounter
{
    /// <summary>The process whose calls count; set by the host before load.</summary>
    internal static readonly uint TargetTgid = 0;

    /// <summary>The syscall number to count; set by the host before load.</summary>
    internal static readonly ulong SyscallId = 0;

    internal static readonly HashMap<uint, ulong> Shared = new(maxEntries: 1);
    internal static readonly ArrayMap<ulong> Atomic = new(maxEntries: 1);
    internal static readonly PerCpuArrayMap<ulong> PerCpu = new(maxEntries: 1);

    /// <summary>sys_enter's raw arguments: the registers, then the syscall number.</summary>
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int CountCalls(RawTracepointContext ctx)
    {
        if ((uint)(Bpf.GetCurrentPidTgid() >> 32) != TargetTgid || ctx.Arg(1) != SyscallId)
            return 0;
        uint key = 0;
        ulong* shared = Shared.Lookup(key);
        if (shared != null)
            *shared = *shared + 1;
        ulong* atomic = Atomic.Lookup(key);
        if (atomic != null)
            Bpf.AtomicAdd(atomic, 1);
        ulong* mine = PerCpu.Lookup(key);
        if (mine != null)
            *mine = *mine + 1;
        return 0;
    }
}
