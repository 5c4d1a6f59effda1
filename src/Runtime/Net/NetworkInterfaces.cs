using System;
using System.Runtime.InteropServices;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>Interface names to indexes, in the calling thread's network namespace.</summary>
internal static class NetworkInterfaces
{
    public static int IndexOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        uint index = Libc.IfNameToIndex(name);
        if (index == 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new ArgumentException($"No network interface named '{name}' ({Errno.Name(errno)}).", nameof(name));
        }
        return (int)index;
    }
}
