using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace BpfSharp;

/// <summary>Byte images of unmanaged values, and native blocks that hold map values at fixed addresses.</summary>
internal static unsafe class NativeBytes
{
    public static byte[] Of<T>(in T value) where T : unmanaged
    {
        T copy = value;
        var bytes = new byte[sizeof(T)];
        Marshal.Copy((IntPtr)(&copy), bytes, 0, bytes.Length);
        return bytes;
    }

    public static T Read<T>(byte* source) where T : unmanaged => *(T*)source;

    /// <summary>A zeroed native block; its address does not move until <see cref="Free"/>.</summary>
    public static byte* Alloc(int size)
    {
        var p = (byte*)Marshal.AllocHGlobal(Math.Max(size, 1));
        for (int i = 0; i < size; i++)
            p[i] = 0;
        return p;
    }

    public static void Free(byte* p) => Marshal.FreeHGlobal((IntPtr)p);

    /// <summary>Per-CPU values are laid out 8-byte aligned, one after another, as the kernel copies them out.</summary>
    public static int Stride(int valueSize) => (valueSize + 7) & ~7;
}

/// <summary>Compares keys by their bytes, as the kernel does (padding included).</summary>
internal sealed class KeyComparer : IEqualityComparer<byte[]>
{
    public static readonly KeyComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y)
    {
        if (x is null || y is null || x.Length != y.Length)
            return ReferenceEquals(x, y);
        for (int i = 0; i < x.Length; i++)
            if (x[i] != y[i])
                return false;
        return true;
    }

    public int GetHashCode(byte[] key)
    {
        uint hash = 2166136261;
        foreach (byte b in key)
            hash = (hash ^ b) * 16777619;
        return (int)hash;
    }
}
