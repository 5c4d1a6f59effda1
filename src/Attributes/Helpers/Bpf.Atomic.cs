using System.Threading;

namespace BpfSharp;

public static partial class Bpf
{
    /// <summary>Adds <paramref name="delta"/> to <paramref name="target"/> atomically (a BPF atomic add), e.g. a counter in a map value.</summary>
    [BpfIntrinsic]
    public static unsafe void AtomicAdd(ref ulong target, ulong delta)
    {
        fixed (ulong* p = &target)
            Interlocked.Add(ref *(long*)p, (long)delta);
    }

    /// <inheritdoc cref="AtomicAdd(ref ulong, ulong)"/>
    [BpfIntrinsic]
    public static unsafe void AtomicAdd(ulong* target, ulong delta) => Interlocked.Add(ref *(long*)target, (long)delta);

    /// <inheritdoc cref="AtomicAdd(ref ulong, ulong)"/>
    [BpfIntrinsic]
    public static void AtomicAdd(ref long target, long delta) => Interlocked.Add(ref target, delta);

    /// <inheritdoc cref="AtomicAdd(ref ulong, ulong)"/>
    [BpfIntrinsic]
    public static unsafe void AtomicAdd(long* target, long delta) => Interlocked.Add(ref *target, delta);

    /// <inheritdoc cref="AtomicAdd(ref ulong, ulong)"/>
    [BpfIntrinsic]
    public static unsafe void AtomicAdd(ref uint target, uint delta)
    {
        fixed (uint* p = &target)
            Interlocked.Add(ref *(int*)p, (int)delta);
    }

    /// <inheritdoc cref="AtomicAdd(ref ulong, ulong)"/>
    [BpfIntrinsic]
    public static unsafe void AtomicAdd(uint* target, uint delta) => Interlocked.Add(ref *(int*)target, (int)delta);

    /// <inheritdoc cref="AtomicAdd(ref ulong, ulong)"/>
    [BpfIntrinsic]
    public static void AtomicAdd(ref int target, int delta) => Interlocked.Add(ref target, delta);

    /// <inheritdoc cref="AtomicAdd(ref ulong, ulong)"/>
    [BpfIntrinsic]
    public static unsafe void AtomicAdd(int* target, int delta) => Interlocked.Add(ref *target, delta);
}

/// <summary>Marks a method of the language surface that the compiler turns into instructions rather than a helper call.</summary>
[System.AttributeUsage(System.AttributeTargets.Method, Inherited = false)]
public sealed class BpfIntrinsicAttribute : System.Attribute
{
}
