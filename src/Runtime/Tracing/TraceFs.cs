using System;
using System.Globalization;
using System.IO;

namespace BpfSharp.Runtime;

/// <summary>Locates tracefs, mounting it when nothing has (fresh VMs and containers often lack it).</summary>
public static class TraceFs
{
    public const string MountPoint = "/sys/kernel/tracing";

    /// <summary>The pre-4.1 location, which debugfs auto-mounts tracefs under.</summary>
    public const string DebugFsPath = "/sys/kernel/debug/tracing";

    private static readonly object gate = new();
    private static string? root;

    /// <summary>The tracefs root, mounting it at <see cref="MountPoint"/> if needed.</summary>
    public static string Root
    {
        get
        {
            lock (gate)
                return root ??= Locate();
        }
    }

    /// <summary>A path inside tracefs, e.g. <c>trace_pipe</c> or <c>events/syscalls/sys_enter_openat/id</c>.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The perf event config for a tracepoint, read from <c>events/&lt;category&gt;/&lt;name&gt;/id</c>.</summary>
    public static ulong GetTracepointId(string category, string name)
    {
        string path = PathOf(Path.Combine("events", category, name, "id"));
        if (!File.Exists(path))
            throw new BpfNotSupportedException($"tracepoint {category}:{name}", $"{path} does not exist.");
        return ulong.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture);
    }

    private static string Locate()
    {
        if (MountTable.IsMounted(MountPoint, "tracefs"))
            return MountPoint;
        if (MountTable.FindFirst("tracefs") is { } mounted)
            return mounted;
        if (File.Exists(Path.Combine(DebugFsPath, "trace_pipe")))
            return DebugFsPath;

        int errno = MountTable.TryMount("nodev", MountPoint, "tracefs");
        if (errno == 0)
            return MountPoint;
        // Some kernels only expose tracefs through debugfs.
        if (MountTable.FindFirst("debugfs") is null && MountTable.TryMount("nodev", "/sys/kernel/debug", "debugfs") == 0
            && File.Exists(Path.Combine(DebugFsPath, "trace_pipe")))
            return DebugFsPath;
        throw new BpfException("mount tracefs", errno, $"tracefs is not mounted and mounting it at {MountPoint} failed.");
    }
}
