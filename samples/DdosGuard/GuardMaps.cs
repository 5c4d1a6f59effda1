using BpfSharp.Runtime;

namespace BpfSharp.Samples;

/// <summary>
/// A running guard's maps, pinned under /sys/fs/bpf/ddosguard/&lt;iface&gt;/ so that `block`, `unblock` and `stats`
/// (other processes) edit and read the very maps the attached program uses.
/// </summary>
internal sealed class GuardMaps : IDisposable
{
    private readonly BpfMap[] _owned;

    private GuardMaps(BpfMap blocklist, BpfMap rates, BpfMap totals, bool owned)
    {
        Blocklist = new BpfLpmTrieMap<SourcePrefix, ulong>(blocklist);
        Rates = new BpfLruHashMap<SourcePrefix, ulong>(rates);
        Totals = new BpfArrayMap<ulong>(totals);
        _owned = owned ? [blocklist, rates, totals] : [];
    }

    public BpfLpmTrieMap<SourcePrefix, ulong> Blocklist { get; }

    public BpfLruHashMap<SourcePrefix, ulong> Rates { get; }

    public BpfArrayMap<ulong> Totals { get; }

    /// <summary>The bpffs mount the pins go in (/sys/fs/bpf unless --bpffs says otherwise).</summary>
    public static string Root { get; set; } = BpfFs.DefaultMountPoint;

    public static string Directory(string iface) => Path.Combine(Root, "ddosguard", iface);

    /// <summary>Pins a freshly loaded guard's maps; fails if a guard on the interface already pinned its own.</summary>
    public static void Pin(DdosGuard.Skeleton guard, string iface)
    {
        BpfFs.EnsureMounted(Root);
        string directory = Directory(iface);
        if (File.Exists(Path.Combine(directory, "blocklist")))
            throw new InvalidOperationException($"A guard already runs on {iface} (its maps are pinned in {directory}).");
        System.IO.Directory.CreateDirectory(directory);
        guard.Blocklist.Pin(Path.Combine(directory, "blocklist"));
        guard.Rates.Pin(Path.Combine(directory, "rates"));
        guard.Totals.Pin(Path.Combine(directory, "totals"));
    }

    /// <summary>Removes the pins and the directory (and the parent when no other guard uses it).</summary>
    public static void Unpin(DdosGuard.Skeleton guard, string iface)
    {
        guard.Blocklist.Unpin();
        guard.Rates.Unpin();
        guard.Totals.Unpin();
        string directory = Directory(iface);
        if (System.IO.Directory.Exists(directory) && !System.IO.Directory.EnumerateFileSystemEntries(directory).Any())
            System.IO.Directory.Delete(directory);
        string parent = Path.GetDirectoryName(directory)!;
        if (System.IO.Directory.Exists(parent) && !System.IO.Directory.EnumerateFileSystemEntries(parent).Any())
            System.IO.Directory.Delete(parent);
    }

    public static GuardMaps Of(DdosGuard.Skeleton guard) => new(guard.Blocklist, guard.Rates, guard.Totals, owned: false);

    /// <summary>The pinned maps of the guard running on <paramref name="iface"/>.</summary>
    public static GuardMaps OpenPinned(string iface)
    {
        string directory = Directory(iface);
        if (!File.Exists(Path.Combine(directory, "blocklist")))
            throw new InvalidOperationException($"No guard runs on {iface} (nothing pinned in {directory}); start one with `run --iface {iface}`.");
        return new GuardMaps(
            BpfMap.OpenPinned(Path.Combine(directory, "blocklist")),
            BpfMap.OpenPinned(Path.Combine(directory, "rates")),
            BpfMap.OpenPinned(Path.Combine(directory, "totals")),
            owned: true);
    }

    public string TotalsLine() =>
        $"passed {Totals[DdosGuard.Passed]} blocked {Totals[DdosGuard.Blocked]} limited {Totals[DdosGuard.Limited]}";

    public void Dispose()
    {
        foreach (var map in _owned)
            map.Dispose();
    }
}
