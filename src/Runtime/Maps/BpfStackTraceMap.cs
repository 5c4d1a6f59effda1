using System.Runtime.InteropServices;

namespace BpfSharp.Runtime;

/// <summary>
/// A BPF_MAP_TYPE_STACK_TRACE: bpf_get_stackid stores instruction pointers (8 bytes each, up to value_size / 8
/// frames) under a stack id.
/// </summary>
public sealed class BpfStackTraceMap : BpfMapView
{
    public BpfStackTraceMap(BpfMap map)
        : base(map, sizeof(uint), -1, MapType.StackTrace)
    {
    }

    /// <param name="maxDepth">Frames per stack; 127 is the kernel's default limit (kernel.perf_event_max_stack).</param>
    public static BpfStackTraceMap Create(uint maxEntries, uint maxDepth = 127, string name = "") =>
        new(BpfMap.Create(new MapSpec { Name = name, Type = MapType.StackTrace, KeySize = 4, ValueSize = maxDepth * 8, MaxEntries = maxEntries }));

    public int MaxDepth => Map.ValueSize / 8;

    /// <summary>The frames of stack <paramref name="stackId"/>, innermost first, without the zero padding; null if absent.</summary>
    public ulong[]? Frames(uint stackId)
    {
        var buffer = new ulong[MaxDepth];
        if (!Map.TryLookup(Bytes(stackId), MemoryMarshal.AsBytes(buffer.AsSpan())))
            return null;
        int length = Array.IndexOf(buffer, 0UL);
        return length < 0 ? buffer : buffer[..length];
    }

    public IEnumerable<uint> StackIds
    {
        get
        {
            uint key = 0, next = 0;
            bool first = true;
            while (Map.TryGetNextKey(first ? ReadOnlySpan<byte>.Empty : Bytes(key), WritableBytes(ref next)))
            {
                first = false;
                key = next;
                yield return key;
            }
        }
    }

    public bool Delete(uint stackId) => Map.Delete(Bytes(stackId));
}
