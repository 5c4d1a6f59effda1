using System.Net;

namespace BpfSharp.Runtime.Tests.Net;

/// <summary>
/// Two fresh network namespaces joined by a veth pair: <see cref="Near"/> (where programs attach and listeners
/// wait) at <see cref="NearAddress"/> and <see cref="Far"/> (where traffic comes from) at <see cref="FarAddress"/>.
/// Names carry the process id and a counter so concurrent tests and concurrent test processes never collide; the
/// 10.199.x.y addresses exist only inside these namespaces. Disposing deletes both namespaces and the pair.
/// </summary>
internal sealed class NetNamespacePair : IDisposable
{
    private static int s_counter;

    private NetNamespacePair(NetNamespace near, NetNamespace far, string nearInterface, string farInterface, IPAddress nearAddress, IPAddress farAddress)
    {
        Near = near;
        Far = far;
        NearInterface = nearInterface;
        FarInterface = farInterface;
        NearAddress = nearAddress;
        FarAddress = farAddress;
    }

    public NetNamespace Near { get; }

    public NetNamespace Far { get; }

    public string NearInterface { get; }

    public string FarInterface { get; }

    public IPAddress NearAddress { get; }

    public IPAddress FarAddress { get; }

    public static NetNamespacePair Create()
    {
        int pid = Environment.ProcessId;
        int n = Interlocked.Increment(ref s_counter);
        string id = $"{pid}x{n}";
        NetNamespace? near = null, far = null;
        try
        {
            near = NetNamespace.Create($"bpfsharp-{id}-n");
            far = NetNamespace.Create($"bpfsharp-{id}-f");
            // Interface names are limited to 15 bytes.
            string nearIf = $"bs{id}n", farIf = $"bs{id}f";
            near.Exec("ip", "link", "add", nearIf, "type", "veth", "peer", "name", farIf, "netns", far.Name);
            var nearAddress = IPAddress.Parse($"10.199.{pid % 250}.1");
            var farAddress = IPAddress.Parse($"10.199.{pid % 250}.2");
            near.Exec("ip", "addr", "add", nearAddress + "/24", "dev", nearIf);
            far.Exec("ip", "addr", "add", farAddress + "/24", "dev", farIf);
            near.Exec("ip", "link", "set", nearIf, "up");
            far.Exec("ip", "link", "set", farIf, "up");
            return new NetNamespacePair(near, far, nearIf, farIf, nearAddress, farAddress);
        }
        catch
        {
            far?.Dispose();
            near?.Dispose();
            throw;
        }
    }

    /// <summary>The near interface's index inside <see cref="Near"/>.</summary>
    public int NearIfindex => int.Parse(Near.Exec("cat", $"/sys/class/net/{NearInterface}/ifindex").Trim());

    public void Dispose()
    {
        try
        {
            Far.Dispose();
        }
        finally
        {
            Near.Dispose();
        }
    }
}
