namespace BpfSharp.Runtime;

/// <summary>What the kernel reports about a loaded program (struct bpf_prog_info), as bpftool prints it.</summary>
public sealed record ProgramInfo
{
    public required ProgramType Type { get; init; }
    public required uint Id { get; init; }
    /// <summary>The name as the kernel stored it (at most 15 bytes).</summary>
    public required string Name { get; init; }
    /// <summary>The program tag (hash of its instructions) in hex.</summary>
    public required string Tag { get; init; }
    /// <summary>Bytes of instructions after the verifier's rewrites.</summary>
    public required uint XlatedLength { get; init; }
    /// <summary>Bytes of native code; 0 when the JIT is off.</summary>
    public required uint JitedLength { get; init; }
    /// <summary>Instructions the verifier processed across all paths.</summary>
    public required uint VerifiedInstructions { get; init; }
    public required bool GplCompatible { get; init; }
    /// <summary>Nanoseconds since boot.</summary>
    public required ulong LoadTime { get; init; }
    public required uint CreatedByUid { get; init; }
    public required uint MapCount { get; init; }
    public required uint BtfId { get; init; }
    /// <summary>Run statistics; zero unless kernel.bpf_stats_enabled is set.</summary>
    public required ulong RunTimeNs { get; init; }
    public required ulong RunCount { get; init; }
    public required ulong RecursionMisses { get; init; }
}
