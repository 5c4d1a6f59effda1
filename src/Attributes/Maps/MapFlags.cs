using System;

namespace BpfSharp;

/// <summary>The kernel's map types (uapi <c>enum bpf_map_type</c>) that BpfSharp declares.</summary>
public enum KernelMapType : uint
{
    Hash = 1,
    Array = 2,
    ProgramArray = 3,
    PerfEventArray = 4,
    PerCpuHash = 5,
    PerCpuArray = 6,
    StackTrace = 7,
    LruHash = 9,
    LruPerCpuHash = 10,
    LpmTrie = 11,
    ArrayOfMaps = 12,
    HashOfMaps = 13,
    Queue = 22,
    Stack = 23,
    RingBuffer = 27,
    BloomFilter = 30,
}

/// <summary>
/// Map creation flags (<c>BPF_F_*</c> of BPF_MAP_CREATE): what a declaration passes as <c>flags</c> and what the
/// runtime's <c>MapSpec.Flags</c> holds, one enum for both sides.
/// </summary>
[Flags]
public enum MapFlags : uint
{
    None = 0,
    /// <summary>BPF_F_NO_PREALLOC: allocate elements on demand (required by LPM tries).</summary>
    NoPrealloc = 1 << 0,
    /// <summary>BPF_F_NO_COMMON_LRU: one LRU list per CPU.</summary>
    NoCommonLru = 1 << 1,
    /// <summary>BPF_F_NUMA_NODE: allocate on the map's numa_node.</summary>
    NumaNode = 1 << 2,
    /// <summary>BPF_F_RDONLY: the host may only read.</summary>
    ReadOnly = 1 << 3,
    /// <summary>BPF_F_WRONLY: the host may only write.</summary>
    WriteOnly = 1 << 4,
    /// <summary>BPF_F_STACK_BUILD_ID: stack trace maps store build ids and offsets instead of addresses.</summary>
    StackBuildId = 1 << 5,
    /// <summary>BPF_F_ZERO_SEED: hash with a zero seed (tests only).</summary>
    ZeroSeed = 1 << 6,
    /// <summary>BPF_F_RDONLY_PROG: programs may only read the map (global .rodata).</summary>
    ReadOnlyProgram = 1 << 7,
    /// <summary>BPF_F_WRONLY_PROG: programs may only write the map.</summary>
    WriteOnlyProgram = 1 << 8,
    /// <summary>BPF_F_CLONE: socket storage is cloned to child sockets.</summary>
    Clone = 1 << 9,
    /// <summary>BPF_F_MMAPABLE: an array the host can mmap.</summary>
    Mmapable = 1 << 10,
    /// <summary>BPF_F_PRESERVE_ELEMS: perf event array entries outlive the fd that added them.</summary>
    PreserveElements = 1 << 11,
    /// <summary>BPF_F_INNER_MAP: an inner array map whose max_entries may differ from the template's.</summary>
    InnerMap = 1 << 12,
}

/// <summary>How an update treats an existing element: BPF_ANY, BPF_NOEXIST, BPF_EXIST.</summary>
public enum UpdateFlags : ulong
{
    /// <summary>Create or replace.</summary>
    Any = 0,
    /// <summary>Create only; fails with -EEXIST when the key is present.</summary>
    NoExist = 1,
    /// <summary>Replace only; fails with -ENOENT when the key is absent. For queues and stacks: push even when full, dropping the oldest.</summary>
    Exist = 2,
}

/// <summary>Error numbers the map helpers return, negated, as the kernel does.</summary>
internal static class MapErrors
{
    public const long NoEntry = -2;      // ENOENT
    public const long TooBig = -7;       // E2BIG
    public const long Exists = -17;      // EEXIST
    public const long Invalid = -22;     // EINVAL
    public const long NoMemory = -12;    // ENOMEM
    public const long NoSpace = -28;     // ENOSPC
}
