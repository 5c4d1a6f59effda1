namespace BpfSharp.Runtime;

// BPF_MAP_CREATE's map_flags are BpfSharp.MapFlags (src/Attributes), which declarations and MapSpec share.

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
