namespace BpfSharp;

/// <summary>What a tc program decides for a packet: the kernel's <c>TC_ACT_*</c> values.</summary>
public enum TcAction
{
    /// <summary>Use the default action configured for the classifier (for tcx: continue to the next program).</summary>
    Unspec = -1,
    /// <summary>Let the packet through.</summary>
    Ok = 0,
    Reclassify = 1,
    /// <summary>Drop the packet.</summary>
    Shot = 2,
    Pipe = 3,
    Stolen = 4,
    Queued = 5,
    Repeat = 6,
    /// <summary>Send it where <see cref="Bpf.Redirect(uint, ulong)"/> said.</summary>
    Redirect = 7,
}
