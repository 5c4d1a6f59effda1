using System;
using System.Runtime.InteropServices;

namespace BpfSharp.Runtime.Interop;

/// <summary>Syscall numbers differ per architecture; only the ones the runtime calls are listed.</summary>
internal static class SyscallNumbers
{
    public static readonly long Bpf = Pick(x64: 321, arm64: 280);
    public static readonly long PerfEventOpen = Pick(x64: 298, arm64: 241);

    private static long Pick(long x64, long arm64) => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => x64,
        Architecture.Arm64 => arm64,
        var other => throw new PlatformNotSupportedException($"BpfSharp supports x86_64 and arm64 Linux, not {other}."),
    };
}
