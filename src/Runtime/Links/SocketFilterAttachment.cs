using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// A socket filter set with SO_ATTACH_BPF. The socket keeps its own reference to the program, so the filter lives
/// as long as the socket unless detached with SO_DETACH_FILTER, which disposing the link does.
/// </summary>
internal sealed unsafe class SocketFilterAttachment : IDisposable
{
    private readonly Socket _socket;
    private bool _attached;

    private SocketFilterAttachment(Socket socket) => _socket = socket;

    public static BpfLink Attach(BpfFd program, Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        using var lease = program.Lease();
        int fd = lease.Value;
        if (Libc.SetSockOpt((int)socket.Handle, Libc.SOL_SOCKET, Libc.SO_ATTACH_BPF, &fd, sizeof(int)) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw errno == Errno.EPERM
                ? new BpfPermissionException("setsockopt(SO_ATTACH_BPF)", errno, Privileges.DescribeDenied())
                : new BpfException("setsockopt(SO_ATTACH_BPF)", errno, "attaching a socket filter.");
        }
        return new BpfLink(new SocketFilterAttachment(socket) { _attached = true }, $"socket_filter:fd {(int)socket.Handle}");
    }

    public void Dispose()
    {
        if (!_attached)
            return;
        _attached = false;
        // A socket closed first has dropped the filter with it.
        if (_socket.SafeHandle.IsClosed)
            return;
        int unused = 0;
        Libc.SetSockOpt((int)_socket.Handle, Libc.SOL_SOCKET, Libc.SO_DETACH_FILTER, &unused, sizeof(int));
    }
}
