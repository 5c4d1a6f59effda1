using System;
using System.Text;

namespace BpfSharp.Runtime.Interop;

/// <summary>One load attempt with the given log level and buffer; returns the new fd, or null with errno set.</summary>
internal delegate BpfFd? LoadAttempt(uint logLevel, Span<byte> logBuffer, out int errno, out uint logTrueSize);

/// <summary>
/// The verifier-log protocol shared by BPF_PROG_LOAD and BPF_BTF_LOAD, done the way libbpf does it: load without a
/// log first (the verifier runs faster), and only on failure reload with a log to explain why, growing the buffer
/// while the kernel reports ENOSPC (log truncated — which it also reports for loads that otherwise succeeded).
/// </summary>
internal static class LoggedLoad
{
    /// <summary>UINT_MAX &gt;&gt; 8: the smallest upper bound any kernel enforces on log_size (newer ones allow &gt;&gt; 2).</summary>
    public const uint MaxLogSize = uint.MaxValue >> 8;

    /// <summary>Kernels before 6.4 reject log buffers under 128 bytes with EINVAL.</summary>
    public const uint MinLogSize = 128;

    public static BpfFd Run(BpfCommand command, string objectName, VerifierLogLevel requested, int initialLogSize,
        LoadAttempt attempt, out string? log, SourceLines? source = null)
    {
        var level = requested;
        int errno;
        if (level == VerifierLogLevel.None)
        {
            var fd = attempt(0, default, out errno, out _);
            if (fd is not null)
            {
                log = null;
                return fd;
            }
            if (errno == Errno.EPERM)
                throw BpfSyscall.Failure(command, errno);
            level = VerifierLogLevel.Basic;
        }

        uint size = Math.Clamp((uint)Math.Max(initialLogSize, 0), MinLogSize, MaxLogSize);
        while (true)
        {
            var buffer = new byte[size];
            var fd = attempt((uint)level, buffer, out errno, out uint trueSize);
            string text = Decode(buffer);
            if (fd is not null)
            {
                log = text;
                return fd;
            }
            if (errno == Errno.ENOSPC && size < MaxLogSize)
            {
                size = NextLogSize(size, trueSize);
                continue;
            }
            if (errno == Errno.EPERM)
                throw BpfSyscall.Failure(command, errno);
            if (text.Length == 0)
                throw BpfSyscall.Failure(command, errno, $"loading '{objectName}'; the kernel wrote no log.");
            throw new BpfVerifierException(command.Name(), errno, objectName, text, source);
        }
    }

    // Kernels since 6.4 say how much they needed; older ones only say "more".
    internal static uint NextLogSize(uint current, uint trueSize) =>
        trueSize > current ? Math.Min(trueSize, MaxLogSize) : (uint)Math.Min((ulong)current * 4, MaxLogSize);

    private static string Decode(ReadOnlySpan<byte> buffer)
    {
        int end = buffer.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? buffer : buffer[..end]);
    }
}
