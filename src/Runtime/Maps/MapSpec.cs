namespace BpfSharp.Runtime;

/// <summary>
/// Everything BPF_MAP_CREATE needs, without a kernel object yet. Objects produce these from their ".maps",
/// "maps" and global-data sections; hosts can also write them directly.
/// </summary>
public sealed record MapSpec
{
    public string Name { get; init; } = "";

    public MapType Type { get; init; }

    public uint KeySize { get; init; }

    public uint ValueSize { get; init; }

    public uint MaxEntries { get; init; }

    public MapFlags Flags { get; init; }

    public MapPinning Pinning { get; init; }

    /// <summary>Type-specific: bloom filter hash count, arena address.</summary>
    public ulong MapExtra { get; init; }

    public uint NumaNode { get; init; }

    /// <summary>BTF type ids of key and value in the object's BTF (0: none); used only when the BTF was loaded.</summary>
    public uint BtfKeyTypeId { get; init; }

    public uint BtfValueTypeId { get; init; }

    /// <summary>The prototype of the inner maps of a map-in-map.</summary>
    public MapSpec? InnerMap { get; init; }

    /// <summary>Initial contents of a single-value array (global data), written before programs load.</summary>
    public byte[]? Contents { get; init; }

    /// <summary>Freeze after writing <see cref="Contents"/> (.rodata): neither host nor program can change it afterwards.</summary>
    public bool Freeze { get; init; }

    public override string ToString() => $"{Type} map '{Name}' (key {KeySize} B, value {ValueSize} B, {MaxEntries} entries)";
}
