using System.Runtime.CompilerServices;

namespace BpfSharp.Runtime.Tests;

/// <summary>
/// A fact that runs against the real kernel. Tests marked with it call <see cref="Kernel.Require"/> first, which
/// skips (or fails under CI=true) when the process cannot load eBPF programs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class KernelFactAttribute : FactAttribute
{
    public KernelFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        Timeout = 60_000;
    }
}
