using BpfSharp;

namespace BpfSharpApp;

/// <summary>
/// An eBPF program in C#. The build compiles it to eBPF bytecode (bin/.../bpf/Counter.o) and adds Counter.Load(),
/// which loads it and its map into the kernel.
/// </summary>
public static unsafe partial class Counter
{
    // One slot shared by every CPU: the program adds to it, Program.cs reads it.
    static readonly ArrayMap<ulong> Calls = new(maxEntries: 1);

    // Runs in the kernel at the entry of every system call, on every CPU.
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int CountSyscall(RawTracepointContext ctx)
    {
        uint slot = 0;
        ulong* calls = Calls.Lookup(slot);
        if (calls != null)
            Bpf.AtomicAdd(calls, 1);
        return 0;
    }
}
