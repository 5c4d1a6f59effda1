using System.Net;
using System.Runtime.InteropServices;

namespace BpfSharp.Samples;

/// <summary>CIDR text to the blocklist's keys and back; IPv4 prefixes become IPv4-mapped IPv6 prefixes (+96 bits).</summary>
public static class Prefixes
{
    public static SourcePrefix Parse(string cidr)
    {
        var network = cidr.Contains('/') ? IPNetwork.Parse(cidr) : new IPNetwork(IPAddress.Parse(cidr), IPAddress.Parse(cidr).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        bool v4 = network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
        var bytes = (v4 ? network.BaseAddress.MapToIPv6() : network.BaseAddress).GetAddressBytes();
        return new SourcePrefix
        {
            PrefixLength = (uint)(network.PrefixLength + (v4 ? 96 : 0)),
            Address = MemoryMarshal.Read<SourceAddress>(bytes),
        };
    }

    public static string Format(SourcePrefix prefix)
    {
        var bytes = new byte[16];
        var source = prefix.Address;
        MemoryMarshal.Write(bytes, in source);
        var address = new IPAddress(bytes);
        return address.IsIPv4MappedToIPv6 && prefix.PrefixLength >= 96
            ? $"{address.MapToIPv4()}/{prefix.PrefixLength - 96}"
            : $"{address}/{prefix.PrefixLength}";
    }

    public static string Format(SourceAddress source)
    {
        var bytes = new byte[16];
        MemoryMarshal.Write(bytes, in source);
        var address = new IPAddress(bytes);
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
