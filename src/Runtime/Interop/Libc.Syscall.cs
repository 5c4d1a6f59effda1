using System.Runtime.InteropServices;

namespace BpfSharp.Runtime.Interop;

internal static unsafe partial class Libc
{
    // The hot path of map element operations: two forms of syscall(2) that leave errno where the call left it
    // instead of clearing it first (what SetLastError = true adds), because syscall(2) says failure by returning -1
    // and the caller reads errno only then, right after the call, as the generated SetLastError code would.

    /// <summary>syscall(2) with the usual GC transition: for any command that may sleep or run long.</summary>
    [LibraryImport("libc", EntryPoint = "syscall")]
    public static partial long SyscallKeepErrno(long number, long arg1, void* arg2, long arg3);

    /// <summary>
    /// syscall(2) without the GC transition, for bpf commands that finish in about a microsecond and never sleep
    /// on anything userspace does (element operations on array, hash, LRU, LPM, queue/stack and bloom maps). The
    /// thread stays in cooperative mode meanwhile, so a collection another thread starts waits for the call to return,
    /// as it would for a managed loop of that length; nothing the kernel does here waits for managed code.
    /// </summary>
    [LibraryImport("libc", EntryPoint = "syscall")]
    [SuppressGCTransition]
    public static partial long SyscallBrief(long number, long arg1, void* arg2, long arg3);
}
