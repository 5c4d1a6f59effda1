using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>/proc/self/mounts, and mount(2) for the pseudo file systems eBPF needs.</summary>
internal static class MountTable
{
    public static IEnumerable<(string MountPoint, string FileSystemType)> Read()
    {
        foreach (var line in File.ReadLines("/proc/self/mounts"))
        {
            var fields = line.Split(' ');
            if (fields.Length >= 3)
                yield return (Unescape(fields[1]), fields[2]);
        }
    }

    public static bool IsMounted(string mountPoint, string fileSystemType)
    {
        string wanted = Path.TrimEndingDirectorySeparator(mountPoint);
        foreach (var (point, type) in Read())
        {
            if (type == fileSystemType && point == wanted)
                return true;
        }
        return false;
    }

    public static string? FindFirst(string fileSystemType)
    {
        foreach (var (point, type) in Read())
        {
            if (type == fileSystemType)
                return point;
        }
        return null;
    }

    /// <summary>mount -t <paramref name="fileSystemType"/> <paramref name="source"/> <paramref name="mountPoint"/>; returns errno or 0.</summary>
    public static int TryMount(string source, string mountPoint, string fileSystemType)
    {
        Directory.CreateDirectory(mountPoint);
        return Libc.Mount(source, mountPoint, fileSystemType, 0, 0) == 0 ? 0 : System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
    }

    // The kernel escapes space, tab, newline and backslash in mount points as \ooo.
    private static string Unescape(string field)
    {
        if (!field.Contains('\\'))
            return field;
        var bytes = new List<byte>(field.Length);
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                bytes.Add((byte)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(field[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(string s, int start)
    {
        for (int i = start; i < start + 3; i++)
        {
            if (i >= s.Length || s[i] < '0' || s[i] > '7')
                return false;
        }
        return true;
    }
}
