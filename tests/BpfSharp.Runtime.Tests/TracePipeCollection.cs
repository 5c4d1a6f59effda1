namespace BpfSharp.Runtime.Tests;

/// <summary>trace_pipe has one reader at a time, so the tests that read it run one after another.</summary>
[CollectionDefinition(nameof(TracePipeCollection))]
public sealed class TracePipeCollection;
