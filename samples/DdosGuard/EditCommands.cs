using BpfSharp.Runtime;

namespace BpfSharp.Samples;

/// <summary>The commands that work on the pinned maps of a guard another process runs.</summary>
internal static class EditCommands
{
    public static int Block(string iface, string cidr) => WithMaps(iface, maps =>
    {
        var prefix = Prefixes.Parse(cidr);
        maps.Blocklist.Update(prefix, 0UL);
        Console.WriteLine($"blocked {Prefixes.Format(prefix)} on {iface}");
    });

    public static int Unblock(string iface, string cidr) => WithMaps(iface, maps =>
    {
        var prefix = Prefixes.Parse(cidr);
        Console.WriteLine(maps.Blocklist.Delete(prefix)
            ? $"unblocked {Prefixes.Format(prefix)} on {iface}"
            : $"{Prefixes.Format(prefix)} was not blocked on {iface}");
    });

    public static int Stats(string iface, int top) => WithMaps(iface, maps =>
    {
        Console.WriteLine(maps.TotalsLine());
        Console.WriteLine("blocklist:");
        foreach (var (prefix, hits) in maps.Blocklist.OrderBy(e => Prefixes.Format(e.Key)))
            Console.WriteLine($"  {Prefixes.Format(prefix),-43} {hits,10} dropped");
        Console.WriteLine($"busiest sources (packets in their latest second):");
        foreach (var (source, window) in maps.Rates.OrderByDescending(e => e.Value & 0xffffffff).Take(top))
            Console.WriteLine($"  {Prefixes.Format(source.Address),-43} {window & 0xffffffff,10}");
    });

    private static int WithMaps(string iface, Action<GuardMaps> work)
    {
        if (!Privileges.CanLoadPrograms(out string reason))
        {
            Console.Error.WriteLine(reason);
            return 1;
        }
        try
        {
            using var maps = GuardMaps.OpenPinned(iface);
            work(maps);
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
