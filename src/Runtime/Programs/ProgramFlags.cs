using System;

namespace BpfSharp.Runtime;

/// <summary>BPF_PROG_LOAD <c>prog_flags</c>.</summary>
[Flags]
public enum ProgramFlags : uint
{
    None = 0,
    StrictAlignment = 1u << 0,
    AnyAlignment = 1u << 1,
    TestRandomHigh32 = 1u << 2,
    TestStateFrequency = 1u << 3,
    Sleepable = 1u << 4,
    XdpHasFrags = 1u << 5,
}
