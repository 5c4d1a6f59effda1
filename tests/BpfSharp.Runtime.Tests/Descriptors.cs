namespace BpfSharp.Runtime.Tests;

/// <summary>Counts this process's open eBPF descriptors (programs, maps, links, BTF) from /proc/self/fd.</summary>
internal static class Descriptors
{
    public static int CountBpf() => Directory.GetFiles("/proc/self/fd").Count(IsBpf);

    public static int CountAll() => Directory.GetFiles("/proc/self/fd").Length;

    private static bool IsBpf(string fd)
    {
        try
        {
            return new FileInfo(fd).LinkTarget?.StartsWith("anon_inode:bpf", StringComparison.Ordinal) == true;
        }
        catch (IOException)
        {
            return false; // closed between listing and reading
        }
    }
}
