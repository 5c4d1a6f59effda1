using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BpfSharp.Runtime;

/// <summary>
/// A typed view of a <see cref="BpfMap"/>. The view checks that the C# types have the kernel's sizes, and disposing it
/// closes the map (a map owned by a <see cref="BpfObject"/> can be disposed twice safely).
/// </summary>
public abstract class BpfMapView : IDisposable
{
    protected BpfMapView(BpfMap map, int keySize, int valueSize, params MapType[] types)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (types.Length > 0 && Array.IndexOf(types, map.Type) < 0)
            throw new ArgumentException($"{GetType().Name} needs a {string.Join(" or ", types)} map; {map.Name} is {map.Type}.", nameof(map));
        if (keySize >= 0 && map.KeySize != keySize)
            throw new ArgumentException($"{map.Name}: the kernel key is {map.KeySize} bytes, the C# key type {keySize}.", nameof(map));
        if (valueSize >= 0 && map.ValueSize != valueSize)
            throw new ArgumentException($"{map.Name}: the kernel value is {map.ValueSize} bytes, the C# value type {valueSize}.", nameof(map));
        Map = map;
    }

    public BpfMap Map { get; }

    public string Name => Map.Name;

    public void Dispose()
    {
        Map.Dispose();
        GC.SuppressFinalize(this);
    }

    public override string ToString() => $"{GetType().Name} over {Map}";

    /// <summary>The bytes of <paramref name="value"/> in place, without copying.</summary>
    protected static ReadOnlySpan<byte> Bytes<T>(in T value)
        where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value));

    protected static Span<byte> WritableBytes<T>(ref T value)
        where T : unmanaged => MemoryMarshal.AsBytes(new Span<T>(ref value));

    protected static unsafe int SizeOf<T>()
        where T : unmanaged => sizeof(T);

    internal static MapSpec Spec<K, V>(MapType type, uint maxEntries, string name, MapFlags flags)
        where K : unmanaged where V : unmanaged =>
        new() { Name = name, Type = type, KeySize = (uint)Unsafe.SizeOf<K>(), ValueSize = (uint)Unsafe.SizeOf<V>(), MaxEntries = maxEntries, Flags = flags };
}
