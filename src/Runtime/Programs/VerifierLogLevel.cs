using System;

namespace BpfSharp.Runtime;

/// <summary>BPF_PROG_LOAD <c>log_level</c> bits.</summary>
[Flags]
public enum VerifierLogLevel : uint
{
    None = 0,
    /// <summary>The verifier's decisions, and the reason it rejects a program.</summary>
    Basic = 1,
    /// <summary>Register state at every instruction.</summary>
    Verbose = 2,
    /// <summary>Only the final statistics line.</summary>
    Stats = 4,
}
