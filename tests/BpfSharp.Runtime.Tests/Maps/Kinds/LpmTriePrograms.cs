namespace BpfSharp.Runtime.Tests.Maps.Kinds;

/// <summary>An IPv4 LPM key: the prefix length in bits, then the address in network byte order.</summary>
public struct Ipv4Prefix
{
    public uint PrefixLength;
    public uint Address;

    public static Ipv4Prefix Parse(string cidr)
    {
        var parts = cidr.Split('/');
        return new Ipv4Prefix { PrefixLength = uint.Parse(parts[1]), Address = AddressOf(parts[0]) };
    }

    /// <summary>The address's bytes in network order, read as a little-endian uint: what the program receives in Arg(0).</summary>
    public static uint AddressOf(string address) => BitConverter.ToUInt32(System.Net.IPAddress.Parse(address).GetAddressBytes());
}

/// <summary>Looks up the address in Arg(0) as a /32 and returns the value of the longest matching route, or -1.</summary>
public static unsafe partial class LpmTriePrograms
{
    public const int NoRoute = -1;

    public static readonly LpmTrieMap<Ipv4Prefix, uint> Routes = new(16);

    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Route(RawTracepointContext ctx)
    {
        Ipv4Prefix key = default;
        key.PrefixLength = 32;
        key.Address = (uint)ctx.Arg(0);
        uint* hop = Routes.Lookup(key);
        return hop == null ? NoRoute : (int)*hop;
    }
}
