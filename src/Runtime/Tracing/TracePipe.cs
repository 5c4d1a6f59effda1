using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// Reads lines from tracefs <c>trace_pipe</c>, where bpf_trace_printk output lands. The pipe blocks forever when
/// empty, so it is opened non-blocking and waited on with poll(2) in short slices, which keeps every read bounded
/// by a timeout and responsive to cancellation. Reading consumes lines: concurrent readers each see a part.
/// </summary>
public sealed unsafe class TracePipe : IDisposable
{
    private const string PrintkMarker = "bpf_trace_printk: ";
    private static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(100);

    private readonly BpfFd fd;
    private readonly List<byte> pending = new();
    private readonly byte[] chunk = new byte[16 * 1024];

    private TracePipe(BpfFd fd) => this.fd = fd;

    /// <summary>
    /// Opens trace_pipe. The kernel allows one reader at a time and answers EBUSY to others, so a busy pipe is
    /// retried for up to <paramref name="busyTimeout"/> (default 5 s) before giving up.
    /// </summary>
    public static TracePipe Open(TimeSpan? busyTimeout = null)
    {
        string path = TraceFs.PathOf("trace_pipe");
        var deadline = DateTime.UtcNow + (busyTimeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            int raw = Libc.Open(path, Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
            if (raw >= 0)
                return new TracePipe(new BpfFd(raw));
            int errno = Marshal.GetLastPInvokeError();
            if (errno == Errno.EBUSY && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
                continue;
            }
            throw new BpfException("open " + path, errno,
                errno == Errno.EBUSY ? "another reader holds trace_pipe; the kernel allows one at a time." : null);
        }
    }

    /// <summary>The next line without its newline, or null when none arrived within <paramref name="timeout"/>.</summary>
    public string? ReadLine(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (TakeLine() is { } line)
                return line;
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
                return null;
            cancellationToken.ThrowIfCancellationRequested();
            Fill(remaining < PollSlice ? remaining : PollSlice);
        }
    }

    /// <summary>Reads until a line matches; null when <paramref name="timeout"/> passes first.</summary>
    public string? WaitFor(Func<string, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
                return null;
            var line = ReadLine(remaining, cancellationToken);
            if (line is not null && predicate(line))
                return line;
        }
    }

    /// <summary>The lines that arrive within <paramref name="duration"/>.</summary>
    public IReadOnlyList<string> ReadFor(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        var deadline = DateTime.UtcNow + duration;
        while (true)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
                return lines;
            if (ReadLine(remaining, cancellationToken) is { } line)
                lines.Add(line);
        }
    }

    /// <summary>The message part of a bpf_trace_printk line (<c>task-pid [cpu] flags time: bpf_trace_printk: msg</c>).</summary>
    public static bool TryGetPrintkMessage(string line, out string message)
    {
        int at = line.IndexOf(PrintkMarker, StringComparison.Ordinal);
        message = at < 0 ? "" : line[(at + PrintkMarker.Length)..];
        return at >= 0;
    }

    public void Dispose() => fd.Dispose();

    private string? TakeLine()
    {
        int newline = pending.IndexOf((byte)'\n');
        if (newline < 0)
            return null;
        var bytes = pending.GetRange(0, newline).ToArray();
        pending.RemoveRange(0, newline + 1);
        return Encoding.UTF8.GetString(bytes);
    }

    private void Fill(TimeSpan wait)
    {
        using var lease = fd.Lease();
        var poll = new Libc.PollFd { Fd = lease.Value, Events = Libc.POLLIN };
        int ready = Libc.Poll(&poll, 1, Math.Max(1, (int)Math.Ceiling(wait.TotalMilliseconds)));
        if (ready < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == Errno.EINTR)
                return;
            throw new BpfException("poll trace_pipe", errno);
        }
        if (ready == 0)
            return;
        fixed (byte* buffer = chunk)
        {
            nint count = Libc.Read(lease.Value, buffer, (nuint)chunk.Length);
            if (count > 0)
            {
                pending.AddRange(new ReadOnlySpan<byte>(buffer, (int)count));
                return;
            }
            int errno = count < 0 ? Marshal.GetLastPInvokeError() : 0;
            if (count < 0 && errno != Errno.EAGAIN && errno != Errno.EINTR)
                throw new BpfException("read trace_pipe", errno);
        }
    }
}
