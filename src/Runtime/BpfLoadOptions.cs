namespace BpfSharp.Runtime;

/// <summary>Options for loading an object (the generated <c>Load(options)</c>).</summary>
public sealed class BpfLoadOptions
{
    /// <summary>
    /// The verifier log level. With <see cref="VerifierLogLevel.None"/> the log is still captured when a load fails:
    /// the loader retries that load with a log to say why.
    /// </summary>
    public VerifierLogLevel LogLevel { get; init; }
}
