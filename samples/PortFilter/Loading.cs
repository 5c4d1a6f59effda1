using BpfSharp.Runtime;

namespace BpfSharp.Samples;

internal static class Loading
{
    /// <summary>Loads the programs with <paramref name="port"/> written into the .rodata constant before load.</summary>
    public static PortFilter.Skeleton Load(ushort port) => PortFilter.Load(new BpfLoadOptions
    {
        GlobalValues = new Dictionary<string, byte[]> { [nameof(PortFilter.Port)] = BitConverter.GetBytes(port) },
    });

    /// <summary>A token cancelled by Ctrl-C (through <paramref name="cancel"/>) or after <paramref name="duration"/>.</summary>
    public static CancellationTokenSource Until(TimeSpan? duration, CancellationToken cancel)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        if (duration is { } d)
            source.CancelAfter(d);
        return source;
    }
}
