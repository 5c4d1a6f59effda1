using System;
using System.IO;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>The BPF file system, where programs, maps and links are pinned to outlive the process.</summary>
public static unsafe class BpfFs
{
    public const string DefaultMountPoint = "/sys/fs/bpf";

    /// <summary>Mounts bpffs at <paramref name="mountPoint"/> unless it is already there.</summary>
    public static string EnsureMounted(string mountPoint = DefaultMountPoint)
    {
        if (MountTable.IsMounted(mountPoint, "bpf"))
            return mountPoint;
        int errno = MountTable.TryMount("bpffs", mountPoint, "bpf");
        if (errno != 0)
            throw new BpfException("mount bpffs", errno, $"could not mount the BPF file system at {mountPoint}.");
        return mountPoint;
    }

    /// <summary>BPF_OBJ_PIN: makes <paramref name="path"/> (inside a bpffs mount) hold a reference to the object.</summary>
    public static void Pin(BpfFd fd, string path)
    {
        var pathBytes = ObjectName.CString(path);
        using var lease = fd.Lease();
        fixed (byte* pathPtr = pathBytes)
        {
            var attr = new ObjPinAttr { Pathname = (ulong)pathPtr, BpfFd = lease.Unsigned };
            if (BpfSyscall.TryInvoke(BpfCommand.ObjPin, ref attr, out int errno) < 0)
                throw BpfSyscall.Failure(BpfCommand.ObjPin, errno, $"pinning to '{path}'.");
        }
    }

    /// <summary>BPF_OBJ_GET: opens a pinned object; the caller owns the returned fd.</summary>
    public static BpfFd Open(string path)
    {
        var pathBytes = ObjectName.CString(path);
        fixed (byte* pathPtr = pathBytes)
        {
            var attr = new ObjPinAttr { Pathname = (ulong)pathPtr };
            long fd = BpfSyscall.TryInvoke(BpfCommand.ObjGet, ref attr, out int errno);
            if (fd < 0)
                throw BpfSyscall.Failure(BpfCommand.ObjGet, errno, $"opening pinned object '{path}'.");
            return new BpfFd((int)fd);
        }
    }

    /// <summary>Removes a pin; the object lives on while other references exist.</summary>
    public static void Unpin(string path) => File.Delete(path);
}
