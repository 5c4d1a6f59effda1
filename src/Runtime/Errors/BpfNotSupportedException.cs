using System;

namespace BpfSharp.Runtime;

/// <summary>The running kernel lacks a feature; the message names the feature and the kernel release.</summary>
public sealed class BpfNotSupportedException : NotSupportedException
{
    public BpfNotSupportedException(string feature, string? detail = null, Exception? inner = null)
        : base(Format(feature, detail), inner)
    {
        Feature = feature;
        KernelRelease = KernelVersion.Release;
    }

    public string Feature { get; }

    /// <summary>uname -r of the running kernel.</summary>
    public string KernelRelease { get; }

    private static string Format(string feature, string? detail)
    {
        var message = $"{feature} is not supported by kernel {KernelVersion.Release}";
        return detail is null ? message + "." : $"{message}: {detail}";
    }
}
