namespace BpfSharp.Runtime;

/// <summary>Options for loading an object (the generated <c>Load(options)</c>).</summary>
public sealed class BpfLoadOptions
{
    /// <summary>
    /// The verifier log level. With <see cref="VerifierLogLevel.None"/> the log is still captured when a load fails:
    /// the loader retries that load with a log to say why.
    /// </summary>
    public VerifierLogLevel LogLevel { get; init; }

    /// <summary>
    /// Directory in bpffs for maps declared with pinning by name: an existing pin there is reused, otherwise the map
    /// is created and pinned. Defaults to /sys/fs/bpf (mounted if needed).
    /// </summary>
    public string? PinPath { get; init; }

    /// <summary>max_entries by map name, replacing the object's values.</summary>
    public IReadOnlyDictionary<string, uint> MaxEntries { get; init; } = new Dictionary<string, uint>();

    /// <summary>
    /// Initial bytes of global variables by name (.rodata, .data, .bss), written before programs load; .rodata is
    /// frozen afterwards, so the verifier sees these values as constants.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> GlobalValues { get; init; } = new Dictionary<string, byte[]>();
}
