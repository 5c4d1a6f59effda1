using System;

namespace BpfSharp;

/// <summary>
/// The context of fentry/fexit programs: the traced kernel function's arguments as 64-bit slots; in fexit the
/// return value follows the last argument.
/// </summary>
public readonly unsafe struct TracingContext
{
    private readonly ulong* _args;

    /// <summary>A context over caller-owned slots, for running a program as plain .NET.</summary>
    public TracingContext(ulong* args) => _args = args;

    /// <summary>Slot <paramref name="index"/>; the index must be a constant.</summary>
    [ContextMember(0, Stride = 8)]
    public ulong Arg(int index) => _args == null ? throw new InvalidOperationException("This context has no arguments.") : _args[index];
}
