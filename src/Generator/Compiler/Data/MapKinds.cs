using Microsoft.CodeAnalysis;

namespace BpfSharp.Generator.Compiler.Data;

/// <summary>Where a map kind's key or value comes from.</summary>
internal enum MapPart : byte
{
    /// <summary>The map has none (key_size/value_size 0).</summary>
    None,
    /// <summary>The first generic argument.</summary>
    First,
    /// <summary>The second generic argument.</summary>
    Second,
    /// <summary>A <c>uint</c> (array indices).</summary>
    Index,
    /// <summary>A 4-byte size with no BTF type (fd and id slots: perf event and program arrays, stack ids).</summary>
    Opaque4,
    /// <summary>Stack trace values: 8 bytes per frame of the declared depth.</summary>
    StackFrames,
    /// <summary>A map of maps' values: 4-byte map fds, whose template is the last generic argument.</summary>
    InnerMap,
}

/// <summary>
/// One declarable map kind: the language-surface class, the kernel map type, where its key and value types come
/// from, and the runtime type the skeleton exposes it as. ONE table: the compiler, the object writer and the
/// skeleton all read it.
/// </summary>
internal sealed record MapKind(string MetadataName, uint KernelType, MapPart Key, MapPart Value, string RuntimeType, bool RequiresMaxEntries = true)
{
    private static readonly MapKind[] s_all =
    {
        new("BpfSharp.HashMap`2", 1, MapPart.First, MapPart.Second, "BpfHashMap<{K}, {V}>"),
        new("BpfSharp.ArrayMap`1", 2, MapPart.Index, MapPart.First, "BpfArrayMap<{V}>"),
        new("BpfSharp.ProgramArray", 3, MapPart.Opaque4, MapPart.Opaque4, "BpfProgramArray"),
        new("BpfSharp.PerfEventArray", 4, MapPart.Opaque4, MapPart.Opaque4, "BpfMap", RequiresMaxEntries: false),
        new("BpfSharp.PerCpuHashMap`2", 5, MapPart.First, MapPart.Second, "BpfPerCpuHashMap<{K}, {V}>"),
        new("BpfSharp.PerCpuArrayMap`1", 6, MapPart.Index, MapPart.First, "BpfPerCpuArrayMap<{V}>"),
        new("BpfSharp.StackTraceMap", 7, MapPart.Opaque4, MapPart.StackFrames, "BpfStackTraceMap"),
        new("BpfSharp.LruHashMap`2", 9, MapPart.First, MapPart.Second, "BpfLruHashMap<{K}, {V}>"),
        new("BpfSharp.LruPerCpuHashMap`2", 10, MapPart.First, MapPart.Second, "BpfLruPerCpuHashMap<{K}, {V}>"),
        new("BpfSharp.LpmTrieMap`2", 11, MapPart.First, MapPart.Second, "BpfLpmTrieMap<{K}, {V}>"),
        new("BpfSharp.ArrayOfMaps`1", 12, MapPart.Index, MapPart.InnerMap, "BpfArrayOfMaps"),
        new("BpfSharp.HashOfMaps`2", 13, MapPart.First, MapPart.InnerMap, "BpfHashOfMaps<{K}>"),
        new("BpfSharp.QueueMap`1", 22, MapPart.None, MapPart.First, "BpfQueueMap<{V}>"),
        new("BpfSharp.StackMap`1", 23, MapPart.None, MapPart.First, "BpfStackMap<{V}>"),
        new("BpfSharp.RingBuffer", 27, MapPart.None, MapPart.None, "BpfMap"),
        new("BpfSharp.BloomFilterMap`1", 30, MapPart.None, MapPart.First, "BpfBloomFilterMap<{V}>"),
    };

    public bool IsMapOfMaps => Value == MapPart.InnerMap;

    /// <summary>The kind of a field's type, or null when it is not a map.</summary>
    public static MapKind? Of(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named)
            return null;
        string name = named.OriginalDefinition.ContainingNamespace?.ToDisplayString() + "." + named.OriginalDefinition.MetadataName;
        foreach (var kind in s_all)
            if (kind.MetadataName == name)
                return kind;
        return null;
    }
}
