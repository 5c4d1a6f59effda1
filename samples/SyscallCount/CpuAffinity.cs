using System.Runtime.InteropServices;

namespace BpfSharp.Samples;

/// <summary>
/// Pins the calling thread to one CPU. Left alone, the scheduler may run all the threads on one CPU, where the
/// shared counter never races and the lesson shows nothing.
/// </summary>
internal static partial class CpuAffinity
{
    public static bool TryPin(int cpu)
    {
        Span<ulong> mask = stackalloc ulong[16];
        if (cpu < 0 || cpu >= mask.Length * 64)
            return false;
        mask[cpu / 64] = 1UL << (cpu % 64);
        return SchedSetAffinity(0, (nuint)(mask.Length * sizeof(ulong)), ref MemoryMarshal.GetReference(mask)) == 0;
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity")]
    private static partial int SchedSetAffinity(int pid, nuint size, ref ulong mask);
}
