using System;
using System.Diagnostics;
using System.Text;

namespace BpfSharp;

public static unsafe partial class BpfClr
{
    [ThreadStatic] private static string? s_comm;

    /// <summary>What <see cref="Bpf.GetCurrentUidGid"/> returns on this thread (gid &lt;&lt; 32 | uid); 0 (root) unless set.</summary>
    [field: ThreadStatic] public static ulong UidGid { get; set; }

    /// <summary>The task name <see cref="Bpf.GetCurrentComm"/> writes on this thread; by default this process's name, cut to 15 bytes as the kernel does.</summary>
    public static string Comm
    {
        get => s_comm ?? Process.GetCurrentProcess().ProcessName;
        set => s_comm = value;
    }

    internal static long ProbeRead(void* destination, uint size, void* source)
    {
        if (source == null)
        {
            Clear((byte*)destination, size); // the kernel zeroes the destination on a fault
            return -14; // -EFAULT
        }
        Buffer.MemoryCopy(source, destination, size, size);
        return 0;
    }

    internal static long ProbeReadStr(void* destination, uint size, void* source)
    {
        if (size == 0)
            return 0;
        if (source == null)
            return -14;
        byte* from = (byte*)source, to = (byte*)destination;
        uint i = 0;
        for (; i < size - 1 && from[i] != 0; i++)
            to[i] = from[i];
        to[i] = 0;
        return i + 1;
    }

    internal static long GetCurrentComm(void* destination, uint size)
    {
        Clear((byte*)destination, size);
        if (size == 0)
            return -22; // -EINVAL
        byte[] name = Encoding.UTF8.GetBytes(Comm);
        int count = Math.Min(Math.Min(name.Length, 15), (int)size - 1);
        for (int i = 0; i < count; i++)
            ((byte*)destination)[i] = name[i];
        return 0;
    }

    private static void Clear(byte* destination, uint size)
    {
        for (uint i = 0; i < size; i++)
            destination[i] = 0;
    }
}
