using System.Runtime.InteropServices;

namespace BpfSharp.Samples;

/// <summary>The few syscalls the tool can hammer: cheap, argument-free, and rarely made by the .NET runtime itself.</summary>
internal static partial class Syscalls
{
    private static readonly Dictionary<string, (long X64, long Arm64)> Numbers = new()
    {
        ["getppid"] = (110, 173),
        ["getuid"] = (102, 174),
        ["getgid"] = (104, 176),
        ["sched_yield"] = (24, 124),
    };

    public static IEnumerable<string> Names => Numbers.Keys;

    public static long Number(string name)
    {
        var (x64, arm64) = Numbers[name];
        return RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => x64,
            Architecture.Arm64 => arm64,
            var other => throw new PlatformNotSupportedException($"No syscall table for {other}."),
        };
    }

    /// <summary>syscall(2) straight, so no libc wrapper can cache the answer and skip the kernel.</summary>
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = false)]
    public static partial long Invoke(long number);
}
