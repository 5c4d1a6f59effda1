namespace BpfSharp.Runtime;

public sealed partial class BpfMap
{
    /// <summary>Pins the map at <paramref name="path"/> inside bpffs (mounting /sys/fs/bpf if needed).</summary>
    public void Pin(string path)
    {
        if (path.StartsWith(BpfFs.DefaultMountPoint + "/", StringComparison.Ordinal))
            BpfFs.EnsureMounted();
        BpfFs.Pin(Fd, path);
        PinnedPath = path;
    }

    /// <summary>Removes the pin this map was pinned at; the map lives on while referenced.</summary>
    public void Unpin()
    {
        if (PinnedPath is null)
            throw new InvalidOperationException($"{this} is not pinned by this process.");
        BpfFs.Unpin(PinnedPath);
        PinnedPath = null;
    }

    /// <summary>Opens a map pinned at <paramref name="path"/>.</summary>
    public static BpfMap OpenPinned(string path)
    {
        if (path.StartsWith(BpfFs.DefaultMountPoint + "/", StringComparison.Ordinal))
            BpfFs.EnsureMounted();
        var fd = BpfFs.Open(path);
        try
        {
            var map = FromFd(fd);
            map.PinnedPath = path;
            return map;
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }
}
