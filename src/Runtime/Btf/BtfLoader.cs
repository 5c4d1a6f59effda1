using System;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>BPF_BTF_LOAD: hands a raw .BTF blob to the kernel, which checks it and returns an fd for program and map loads.</summary>
public static unsafe class BtfLoader
{
    /// <param name="blob">A complete BTF blob: header, type section, string section.</param>
    /// <param name="logLevel">Ask for the kernel's BTF log even on success (it is always fetched on failure).</param>
    /// <exception cref="BpfVerifierException">The kernel rejected the BTF; the log says why.</exception>
    public static BpfFd Load(ReadOnlySpan<byte> blob, VerifierLogLevel logLevel = VerifierLogLevel.None, int initialLogSize = 64 * 1024)
    {
        if (blob.IsEmpty)
            throw new ArgumentException("BTF blob is empty.", nameof(blob));
        var copy = blob.ToArray();
        return LoggedLoad.Run(BpfCommand.BtfLoad, "BTF", logLevel, initialLogSize,
            (uint level, Span<byte> buffer, out int errno, out uint trueSize) => TryLoad(copy, level, buffer, out errno, out trueSize),
            out _);
    }

    private static BpfFd? TryLoad(byte[] blob, uint logLevel, Span<byte> logBuffer, out int errno, out uint logTrueSize)
    {
        fixed (byte* blobPtr = blob)
        fixed (byte* logPtr = logBuffer)
        {
            var attr = new BtfLoadAttr
            {
                Btf = (ulong)blobPtr,
                BtfSize = (uint)blob.Length,
                BtfLogBuf = (ulong)logPtr,
                BtfLogSize = (uint)logBuffer.Length,
                BtfLogLevel = logLevel,
            };
            long fd = BpfSyscall.TryInvoke(BpfCommand.BtfLoad, ref attr, out errno);
            logTrueSize = attr.BtfLogTrueSize;
            return fd < 0 ? null : new BpfFd((int)fd);
        }
    }
}
