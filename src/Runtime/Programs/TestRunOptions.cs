using System;

namespace BpfSharp.Runtime;

/// <summary>Input for BPF_PROG_TEST_RUN. Which members a program type accepts is the kernel's call.</summary>
public sealed class TestRunOptions
{
    /// <summary>Packet data (XDP, skb programs).</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Room for the packet after the run; defaults to the input plus 256 bytes of headroom the program may add.</summary>
    public int? DataOutSize { get; init; }

    /// <summary>Context (struct __sk_buff, xdp_md, raw tracepoint args, ...).</summary>
    public ReadOnlyMemory<byte> Context { get; init; }

    /// <summary>Room for the context after the run; 0 (the default) asks for none, which raw tracepoints require.</summary>
    public int ContextOutSize { get; init; }

    /// <summary>Runs to average over; 0 means once. Raw tracepoint programs accept only 0.</summary>
    public uint Repeat { get; init; }

    /// <summary>BPF_F_TEST_* flags.</summary>
    public uint Flags { get; init; }

    public uint Cpu { get; init; }

    public uint BatchSize { get; init; }
}

/// <summary>What BPF_PROG_TEST_RUN reported.</summary>
/// <param name="ReturnValue">The program's return value (r0, truncated to 32 bits by the kernel).</param>
/// <param name="DurationNanoseconds">Average time per run.</param>
/// <param name="Data">The packet after the run, if any was passed in.</param>
/// <param name="Context">The context after the run, if <see cref="TestRunOptions.ContextOutSize"/> asked for it.</param>
public sealed record TestRunResult(uint ReturnValue, uint DurationNanoseconds, byte[] Data, byte[] Context);
