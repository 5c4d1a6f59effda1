using System.Runtime.InteropServices;

namespace BpfSharp.Runtime.Tests;

/// <summary>
/// Runs code on a fresh thread whose effective capabilities are dropped with capset(2). Capabilities are per
/// thread in Linux, so the rest of the test process keeps its privileges, and the thread exits afterwards.
/// </summary>
internal static unsafe partial class DroppedCapabilities
{
    private const uint LinuxCapabilityVersion3 = 0x20080522;

    public static T Run<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                DropAllEffective();
                result = action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
            throw new AggregateException(failure);
        return result;
    }

    private static void DropAllEffective()
    {
        var header = stackalloc uint[2] { LinuxCapabilityVersion3, 0 };
        var data = stackalloc uint[6]; // two of { effective, permitted, inheritable }
        long capget = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 90 : 125;
        long capset = capget + 1;
        if (Syscall(capget, header, data) != 0)
            throw new InvalidOperationException("capget failed: " + Marshal.GetLastPInvokeError());
        data[0] = 0; // effective, low word
        data[3] = 0; // effective, high word
        if (Syscall(capset, header, data) != 0)
            throw new InvalidOperationException("capset failed: " + Marshal.GetLastPInvokeError());
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, uint* header, uint* data);
}
