using BpfSharp.Tests;

namespace BpfSharp.Runtime.Tests.Samples;

/// <summary>
/// A directory on a real block device, so writes there reach block:block_rq_issue. The temporary directory when its
/// filesystem has a block device (device major not 0, unlike tmpfs or overlay); otherwise an ext4 filesystem on a
/// loop device over a file. Everything is unmounted, detached and deleted on dispose.
/// </summary>
internal sealed class ScratchBlockDirectory : IDisposable
{
    private readonly string root;
    private string? loopDevice;
    private bool mounted;

    public ScratchBlockDirectory(bool forceLoopDevice = false)
    {
        root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bpfsharp-block-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        Path = root;
        try
        {
            if (forceLoopDevice || DeviceMajor(root) == 0)
                MountLoop();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Path { get; private set; }

    /// <summary>The loop device this object created, or null.</summary>
    public string? LoopDevice => loopDevice;

    private static int DeviceMajor(string path) => int.Parse(Tools.Run("stat", "-c", "%Hd", path).Trim());

    private void MountLoop()
    {
        Tools.Require("losetup", "mkfs.ext4", "mount", "umount");
        string image = System.IO.Path.Combine(root, "disk.img");
        using (var file = File.Create(image))
            file.SetLength(64L << 20);
        loopDevice = Tools.Run("losetup", "--find", "--show", image).Trim();
        Tools.Run("mkfs.ext4", "-q", loopDevice);
        string mountPoint = System.IO.Path.Combine(root, "mnt");
        Directory.CreateDirectory(mountPoint);
        Tools.Run("mount", loopDevice, mountPoint);
        mounted = true;
        Path = mountPoint;
    }

    public void Dispose()
    {
        if (mounted)
        {
            Tools.Run("umount", Path);
            mounted = false;
        }
        if (loopDevice is not null)
        {
            Tools.Run("losetup", "-d", loopDevice);
            loopDevice = null;
        }
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
    }
}
