using System.Text;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime.Objects;

/// <summary>BPF_BTF_LOAD: gives the kernel an object's types so maps and programs can refer to them by id.</summary>
internal static unsafe class BtfUpload
{
    /// <summary>Loads <paramref name="btf"/>; on failure returns null and the kernel's log in <paramref name="error"/>.</summary>
    public static BpfFd? TryLoad(byte[] btf, out string? error)
    {
        fixed (byte* data = btf)
        {
            var attr = new BtfLoadAttr { Btf = (ulong)data, BtfSize = (uint)btf.Length };
            long fd = BpfSyscall.TryInvoke(BpfCommand.BtfLoad, ref attr, out int errno);
            if (fd >= 0)
            {
                error = null;
                return new BpfFd((int)fd);
            }
            if (errno == Errno.EPERM)
                throw BpfSyscall.Failure(BpfCommand.BtfLoad, errno);

            // Ask again with a log, only to say why.
            var log = new byte[64 * 1024];
            fixed (byte* logPtr = log)
            {
                attr = new BtfLoadAttr { Btf = (ulong)data, BtfSize = (uint)btf.Length, BtfLogBuf = (ulong)logPtr, BtfLogSize = (uint)log.Length, BtfLogLevel = 1 };
                long retry = BpfSyscall.TryInvoke(BpfCommand.BtfLoad, ref attr, out _);
                if (retry >= 0)
                    new BpfFd((int)retry).Dispose();
            }
            int end = Array.IndexOf(log, (byte)0);
            error = $"{Errno.Name(errno)}: {Encoding.UTF8.GetString(log, 0, end < 0 ? log.Length : end).Trim()}";
            return null;
        }
    }
}
