namespace BpfSharp.Runtime;

/// <summary>BPF_MAP_CREATE <c>map_flags</c>.</summary>
[Flags]
public enum MapFlags : uint
{
    None = 0,
    /// <summary>BPF_F_NO_PREALLOC: allocate elements on demand (required by LPM tries).</summary>
    NoPrealloc = 1 << 0,
    /// <summary>BPF_F_NO_COMMON_LRU: one LRU list per CPU.</summary>
    NoCommonLru = 1 << 1,
    NumaNode = 1 << 2,
    /// <summary>BPF_F_RDONLY: the host may only read.</summary>
    ReadOnly = 1 << 3,
    WriteOnly = 1 << 4,
    StackBuildId = 1 << 5,
    ZeroSeed = 1 << 6,
    /// <summary>BPF_F_RDONLY_PROG: programs may only read (global .rodata).</summary>
    ReadOnlyProgram = 1 << 7,
    WriteOnlyProgram = 1 << 8,
    Clone = 1 << 9,
    /// <summary>BPF_F_MMAPABLE: array values can be mmap'ed by the host.</summary>
    Mmapable = 1 << 10,
    PreserveElements = 1 << 11,
    InnerMap = 1 << 12,
}

/// <summary>The <c>flags</c> of BPF_MAP_UPDATE_ELEM.</summary>
public enum MapUpdateFlags : ulong
{
    /// <summary>BPF_ANY: create or replace.</summary>
    Any = 0,
    /// <summary>BPF_NOEXIST: create only; EEXIST if the key is there.</summary>
    NoExist = 1,
    /// <summary>BPF_EXIST: replace only; ENOENT if the key is missing.</summary>
    Exist = 2,
    /// <summary>BPF_F_LOCK: update under the value's bpf_spin_lock.</summary>
    Lock = 4,
}

/// <summary>libbpf's <c>pinning</c> attribute of a BTF-defined map.</summary>
public enum MapPinning : uint
{
    None = 0,
    /// <summary>LIBBPF_PIN_BY_NAME: pinned as &lt;pin path&gt;/&lt;map name&gt;, reused if already pinned.</summary>
    ByName = 1,
}
