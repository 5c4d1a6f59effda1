namespace BpfSharp.Runtime;

/// <summary>What the kernel reports about a map (struct bpf_map_info).</summary>
public sealed record MapInfo
{
    public MapType Type { get; init; }
    public uint Id { get; init; }
    public string Name { get; init; } = "";
    public uint KeySize { get; init; }
    public uint ValueSize { get; init; }
    public uint MaxEntries { get; init; }
    public MapFlags Flags { get; init; }
    public uint BtfId { get; init; }
    public uint BtfKeyTypeId { get; init; }
    public uint BtfValueTypeId { get; init; }
    public ulong MapExtra { get; init; }
}
