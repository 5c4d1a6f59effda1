namespace BpfSharp.Samples;

/// <summary>The leading fields of block/block_rq_issue after the common header (the format is checked at attach).</summary>
public struct BlockRqIssue
{
    public uint Dev;
    public ulong Sector;
    public uint NrSector;
    public uint Bytes;
}
