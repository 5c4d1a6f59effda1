using System;

namespace BpfSharp.Runtime;

/// <summary>A bpf(2) command, or a syscall the runtime made on its behalf, failed.</summary>
public class BpfException : Exception
{
    public BpfException(string command, int errno, string? detail = null, Exception? inner = null)
        : base(Format(command, errno, detail), inner)
    {
        Command = command;
        Errno = errno;
    }

    /// <summary>The failing command in uapi spelling (<c>BPF_PROG_LOAD</c>) or the syscall name.</summary>
    public string Command { get; }

    /// <summary>The errno the kernel returned.</summary>
    public int Errno { get; }

    /// <summary>The symbolic errno, e.g. <c>EINVAL</c>.</summary>
    public string ErrnoName => Runtime.Errno.Name(Errno);

    private static string Format(string command, int errno, string? detail)
    {
        var message = $"{command} failed: {Runtime.Errno.Describe(errno)} ({Runtime.Errno.Name(errno)})";
        return detail is null ? message + "." : $"{message}: {detail}";
    }
}
