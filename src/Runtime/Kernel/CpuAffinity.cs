using System.Runtime.InteropServices;

namespace BpfSharp.Runtime;

/// <summary>
/// Pins the calling thread to one CPU (sched_setaffinity). Per-CPU kernel state — per-CPU maps, a perf buffer's
/// per-CPU rings — is only reached from that CPU, and a program run with BPF_PROG_TEST_RUN runs where its caller does.
/// </summary>
public static partial class CpuAffinity
{
    /// <summary>Pins the calling thread to <paramref name="cpu"/>; false when the CPU is out of range or the kernel refuses.</summary>
    public static bool TryPin(int cpu)
    {
        Span<ulong> mask = stackalloc ulong[16];
        if (cpu < 0 || cpu >= mask.Length * 64)
            return false;
        mask[cpu / 64] = 1UL << (cpu % 64);
        return SchedSetAffinity(0, (nuint)(mask.Length * sizeof(ulong)), ref MemoryMarshal.GetReference(mask)) == 0;
    }

    /// <summary>Runs <paramref name="action"/> on a new thread pinned to <paramref name="cpu"/> and waits for it.</summary>
    public static void RunOn(int cpu, Action action)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                if (!TryPin(cpu))
                    throw new InvalidOperationException($"Cannot pin a thread to CPU {cpu}.");
                action();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
            throw new AggregateException(failure);
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity")]
    private static partial int SchedSetAffinity(int pid, nuint size, ref ulong mask);
}
