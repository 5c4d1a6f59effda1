namespace BpfSharp.Runtime;

/// <summary><c>enum bpf_map_type</c>.</summary>
public enum MapType : uint
{
    Unspecified = 0,
    Hash = 1,
    Array = 2,
    ProgramArray = 3,
    PerfEventArray = 4,
    PerCpuHash = 5,
    PerCpuArray = 6,
    StackTrace = 7,
    CgroupArray = 8,
    LruHash = 9,
    LruPerCpuHash = 10,
    LpmTrie = 11,
    ArrayOfMaps = 12,
    HashOfMaps = 13,
    DevMap = 14,
    SockMap = 15,
    CpuMap = 16,
    XskMap = 17,
    SockHash = 18,
    CgroupStorage = 19,
    ReuseportSockArray = 20,
    PerCpuCgroupStorage = 21,
    Queue = 22,
    Stack = 23,
    SkStorage = 24,
    DevMapHash = 25,
    StructOps = 26,
    RingBuffer = 27,
    InodeStorage = 28,
    TaskStorage = 29,
    BloomFilter = 30,
    UserRingBuffer = 31,
    /// <summary>Linux 6.2+.</summary>
    CgroupStorageLocal = 32,
    /// <summary>Linux 6.9+.</summary>
    Arena = 33,
}

/// <summary>How map values are laid out for the host.</summary>
internal static class MapTypeFacts
{
    /// <summary>Lookups and updates from the host carry one value per possible CPU.</summary>
    public static bool IsPerCpu(this MapType type) =>
        type is MapType.PerCpuHash or MapType.PerCpuArray or MapType.LruPerCpuHash or MapType.PerCpuCgroupStorage;

    /// <summary>
    /// Element lookups, updates and deletes from the host that take a spinlock at most and allocate without sleeping,
    /// so they finish in about a microsecond. Not here: fd-holding maps (program arrays take a mutex, map-in-map
    /// updates wait for an RCU grace period, sockmaps lock sockets), storage maps, struct_ops, arenas.
    /// </summary>
    public static bool HasBriefElementOps(this MapType type) => type is
        MapType.Hash or MapType.Array or MapType.PerCpuHash or MapType.PerCpuArray or MapType.LruHash
        or MapType.LruPerCpuHash or MapType.LpmTrie or MapType.Queue or MapType.Stack or MapType.BloomFilter;

    /// <summary>Maps without keys: the host pushes and pops values.</summary>
    public static bool IsKeyless(this MapType type) =>
        type is MapType.Queue or MapType.Stack or MapType.BloomFilter or MapType.RingBuffer or MapType.UserRingBuffer;
}
