namespace BpfSharp;

/// <summary>
/// What every map declaration has: a kernel map type, a capacity and creation flags. Declared as a
/// <c>static readonly</c> field of a program class, a map is compiled into the object's <c>.maps</c> section;
/// run as plain .NET, the same object is a working in-memory map.
/// </summary>
public abstract class KernelMap
{
    private protected KernelMap(KernelMapType type, uint maxEntries, MapFlags flags)
    {
        Type = type;
        MaxEntries = maxEntries;
        Flags = flags;
    }

    public KernelMapType Type { get; }

    public uint MaxEntries { get; }

    public MapFlags Flags { get; }
}
