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
    Queue = 22,
    Stack = 23,
    RingBuffer = 27,
    BloomFilter = 30,
}

/// <summary>Map creation flags (<c>BPF_F_*</c> of BPF_MAP_CREATE).</summary>
[Flags]
public enum MapFlags : uint
{
    None = 0,
    /// <summary>BPF_F_NO_PREALLOC: allocate elements on demand (required by LPM tries).</summary>
    NoPrealloc = 1 << 0,
    /// <summary>BPF_F_NO_COMMON_LRU: one LRU list per CPU.</summary>
    NoCommonLru = 1 << 1,
    /// <summary>BPF_F_RDONLY_PROG: programs may only read the map.</summary>
    ReadOnlyProgram = 1 << 7,
    /// <summary>BPF_F_WRONLY_PROG: programs may only write the map.</summary>
    WriteOnlyProgram = 1 << 8,
    /// <summary>BPF_F_MMAPABLE: an array the host can mmap.</summary>
    Mmapable = 1 << 10,
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
