using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace BpfSharp.Samples;

/// <summary>
/// An AF_PACKET raw socket on one interface: every frame in or out, from its Ethernet header on (what tcpdump reads).
/// The socket starts with protocol 0, so it receives nothing until <see cref="Bind"/>: a filter attached in between
/// sees every frame the socket gets.
/// </summary>
internal static partial class PacketSocket
{
    private const int AF_PACKET = 17;
    private const int SOCK_RAW = 3;
    private const int SOCK_CLOEXEC = 0x80000;
    private const ushort ETH_P_ALL = 3;

    public static Socket Open()
    {
        int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
        if (fd < 0)
            throw new SocketException(Marshal.GetLastPInvokeError());
        return new Socket(new SafeSocketHandle(fd, ownsHandle: true));
    }

    /// <summary>Starts receiving every protocol on <paramref name="iface"/>.</summary>
    public static unsafe void Bind(Socket socket, string iface)
    {
        int ifindex = (int)if_nametoindex(iface);
        if (ifindex == 0)
            throw new ArgumentException($"No network interface named '{iface}'.", nameof(iface));
        // struct sockaddr_ll: family, protocol (network order), ifindex, then hatype/pkttype/halen/addr left zero.
        byte* address = stackalloc byte[20];
        new Span<byte>(address, 20).Clear();
        *(ushort*)address = AF_PACKET;
        *(ushort*)(address + 2) = (ushort)(ETH_P_ALL << 8);
        *(int*)(address + 4) = ifindex;
        if (bind((int)socket.Handle, address, 20) != 0)
            throw new SocketException(Marshal.GetLastPInvokeError());
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int bind(int fd, byte* address, int length);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial uint if_nametoindex(string name);
}
