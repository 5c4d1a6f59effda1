using System.Runtime.InteropServices;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>An epoll instance watching fds for readability; the readers block in <see cref="Wait"/> between bursts.</summary>
internal sealed unsafe class Epoll : IDisposable
{
    private readonly BpfFd fd;

    public Epoll()
    {
        int result = Libc.EpollCreate1(Libc.EPOLL_CLOEXEC);
        if (result < 0)
            throw new BpfException("epoll_create1", Marshal.GetLastPInvokeError());
        fd = new BpfFd(result);
    }

    /// <summary>Watches <paramref name="target"/>; <see cref="Wait"/> reports <paramref name="tag"/> when it is readable.</summary>
    public void Add(BpfFd target, ulong tag)
    {
        var ev = new Libc.EpollEvent { Events = Libc.EPOLLIN, Data = tag };
        using var lease = target.Lease();
        if (Libc.EpollCtl(fd.Value, Libc.EPOLL_CTL_ADD, lease.Value, &ev) < 0)
            throw new BpfException("epoll_ctl", Marshal.GetLastPInvokeError());
    }

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> (-1: forever); returns how many tags were written.</summary>
    public int Wait(Span<ulong> tags, int timeoutMilliseconds)
    {
        var events = stackalloc Libc.EpollEvent[Math.Min(tags.Length, 64)];
        while (true)
        {
            int count = Libc.EpollWait(fd.Value, events, Math.Min(tags.Length, 64), timeoutMilliseconds);
            if (count >= 0)
            {
                for (int i = 0; i < count; i++)
                    tags[i] = events[i].Data;
                return count;
            }
            int errno = Marshal.GetLastPInvokeError();
            if (errno != Errno.EINTR)
                throw new BpfException("epoll_wait", errno);
        }
    }

    public void Dispose() => fd.Dispose();
}
