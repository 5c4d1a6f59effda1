using System;

namespace BpfSharp;

/// <summary>
/// The context of a raw tracepoint program: <c>struct bpf_raw_tracepoint_args</c>, an array of
/// 64-bit arguments whose meaning depends on the tracepoint.
/// </summary>
public readonly unsafe struct RawTracepointContext
{
    private readonly ulong* _args;

    /// <summary>A context over caller-owned memory, for running a program as plain .NET.</summary>
    public RawTracepointContext(ulong* args) => _args = args;

    /// <summary>The raw argument at <paramref name="index"/>; the index must be a constant.</summary>
    [ContextMember(0, Stride = 8)]
    public ulong Arg(int index) => _args == null ? throw new InvalidOperationException("This context has no arguments.") : _args[index];
}
