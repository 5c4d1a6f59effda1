namespace BpfSharp.Runtime.Tests;

/// <summary>
/// Tests that observe process- or machine-wide state (the descriptor table, the shared trace pipe) run alone:
/// a parallel test opening descriptors or reading trace_pipe would make them see each other's effects.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial (process-wide state)";
}
