namespace BpfSharp.Generator.Model;

/// <summary>How the skeleton offers a map beyond its typed view.</summary>
internal enum MapReader : byte
{
    /// <summary>A view type covers it (hash, array, ...).</summary>
    None,
    /// <summary>A BPF_MAP_TYPE_RINGBUF: the skeleton opens a <c>RingBufferReader&lt;T&gt;</c>.</summary>
    RingBuffer,
    /// <summary>A BPF_MAP_TYPE_PERF_EVENT_ARRAY: the skeleton opens a <c>PerfBufferReader&lt;T&gt;</c>.</summary>
    PerfBuffer,
}

/// <summary>
/// A map as the skeleton exposes it: the field's name (also the map's name in the object), the runtime view type
/// with the user's key and value types filled in (e.g. <c>BpfHashMap&lt;uint, global::Demo.Key&gt;</c>, or
/// <c>BpfMap</c> when there is no view), the declared size, and for event maps the record type the programs write
/// when they all write one (fully qualified; empty when unknown).
/// </summary>
/// <param name="Accessibility">"public", or "internal" when a key or value type is not public.</param>
internal sealed record MapModel(string Name, string RuntimeType, uint MaxEntries, MapReader Reader, string RecordType, string Accessibility = "public");
