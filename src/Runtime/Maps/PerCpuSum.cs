using System.Buffers;
using System.Numerics;

namespace BpfSharp.Runtime;

/// <summary>Adding up per-CPU values, the usual way to read a per-CPU counter.</summary>
public static class PerCpuSum
{
    public static V Sum<V>(this ReadOnlySpan<V> values)
        where V : unmanaged, INumber<V>
    {
        V total = V.Zero;
        foreach (var value in values)
            total += value;
        return total;
    }

    public static V Sum<V>(this V[] values)
        where V : unmanaged, INumber<V> => Sum((ReadOnlySpan<V>)values);

    /// <summary>The sum over CPUs of the value at <paramref name="key"/>; zero if absent.</summary>
    public static V Sum<K, V>(this BpfPerCpuKeyedMap<K, V> map, in K key)
        where K : unmanaged
        where V : unmanaged, INumber<V>
    {
        // Read into the stack (or a rented array for very many CPUs): summing allocates nothing.
        int count = map.CpuCount;
        V[]? rented = null;
        Span<V> values = count <= 256 ? stackalloc V[count] : (rented = ArrayPool<V>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            return map.TryGetValue(key, values) ? Sum((ReadOnlySpan<V>)values) : V.Zero;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<V>.Shared.Return(rented);
        }
    }
}
