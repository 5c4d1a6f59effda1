using System;
using System.Text;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>
/// BPF_PROG_LOAD with the verifier log handled the way libbpf does: load without a log first (the verifier runs
/// faster), and only on failure reload with a log buffer to explain why, growing the buffer while the kernel
/// reports ENOSPC (log truncated).
/// </summary>
internal static unsafe class ProgramLoader
{
    /// <summary>UINT_MAX &gt;&gt; 8: the smallest upper bound any kernel enforces on log_size (newer ones allow &gt;&gt; 2).</summary>
    public const uint MaxLogSize = uint.MaxValue >> 8;

    /// <summary>Kernels before 6.4 reject log buffers under 128 bytes with EINVAL.</summary>
    public const uint MinLogSize = 128;

    public static BpfFd Load(ProgramType type, ReadOnlySpan<byte> instructions, string license, string name,
        ProgramLoadOptions options, out string? log)
    {
        if (instructions.Length == 0 || instructions.Length % 8 != 0)
            throw new ArgumentException($"eBPF code must be a non-empty multiple of 8 bytes, got {instructions.Length}.", nameof(instructions));

        var level = options.LogLevel;
        int errno;
        if (level == VerifierLogLevel.None)
        {
            var fd = TryLoad(type, instructions, license, name, options, 0, default, out errno, out _);
            if (fd is not null)
            {
                log = null;
                return fd;
            }
            if (errno == Errno.EPERM)
                throw BpfSyscall.Failure(BpfCommand.ProgLoad, errno);
            level = VerifierLogLevel.Basic;
        }

        uint size = Math.Clamp((uint)Math.Max(options.InitialLogSize, 0), MinLogSize, MaxLogSize);
        while (true)
        {
            var buffer = new byte[size];
            var fd = TryLoad(type, instructions, license, name, options, (uint)level, buffer, out errno, out uint trueSize);
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
                throw BpfSyscall.Failure(BpfCommand.ProgLoad, errno);
            if (text.Length == 0)
                throw BpfSyscall.Failure(BpfCommand.ProgLoad, errno, $"loading '{name}' ({type}); the kernel wrote no verifier log.");
            throw new BpfVerifierException(BpfCommand.ProgLoad.Name(), errno, name, text);
        }
    }

    // Kernels since 6.4 say how much they needed; older ones only say "more".
    internal static uint NextLogSize(uint current, uint trueSize) =>
        trueSize > current ? Math.Min(trueSize, MaxLogSize) : (uint)Math.Min((ulong)current * 4, MaxLogSize);

    private static BpfFd? TryLoad(ProgramType type, ReadOnlySpan<byte> instructions, string license, string name,
        ProgramLoadOptions options, uint logLevel, Span<byte> logBuffer, out int errno, out uint logTrueSize)
    {
        var licenseBytes = ObjectName.CString(license);
        bool btfAdded = false, targetAdded = false;
        try
        {
            // The fds ride in the attr as plain numbers; hold them so a concurrent Dispose cannot recycle them mid-load.
            options.ProgramBtf?.DangerousAddRef(ref btfAdded);
            options.AttachTarget?.DangerousAddRef(ref targetAdded);
            fixed (byte* insns = instructions)
            fixed (byte* licensePtr = licenseBytes)
            fixed (byte* logPtr = logBuffer)
            fixed (byte* funcInfo = options.FuncInfo.Span)
            fixed (byte* lineInfo = options.LineInfo.Span)
            fixed (int* fdArray = options.FdArray.Span)
            {
                var attr = new ProgLoadAttr
                {
                    ProgType = (uint)type,
                    InsnCnt = (uint)(instructions.Length / 8),
                    Insns = (ulong)insns,
                    License = (ulong)licensePtr,
                    LogLevel = logLevel,
                    LogSize = (uint)logBuffer.Length,
                    LogBuf = (ulong)logPtr,
                    ProgFlags = (uint)options.Flags,
                    ProgIfIndex = options.IfIndex,
                    ExpectedAttachType = options.ExpectedAttachType is { } attach ? (uint)attach : 0,
                    ProgBtfFd = options.ProgramBtf is { } btf ? (uint)btf.DangerousGetHandle() : 0,
                    AttachBtfId = options.AttachBtfId,
                    AttachProgFd = options.AttachTarget is { } target ? (uint)target.DangerousGetHandle() : 0,
                    FdArray = options.FdArray.IsEmpty ? 0 : (ulong)fdArray,
                };
                if (!options.FuncInfo.IsEmpty)
                {
                    attr.FuncInfoRecSize = options.FuncInfoRecordSize;
                    attr.FuncInfo = (ulong)funcInfo;
                    attr.FuncInfoCnt = (uint)(options.FuncInfo.Length / (int)options.FuncInfoRecordSize);
                }
                if (!options.LineInfo.IsEmpty)
                {
                    attr.LineInfoRecSize = options.LineInfoRecordSize;
                    attr.LineInfo = (ulong)lineInfo;
                    attr.LineInfoCnt = (uint)(options.LineInfo.Length / (int)options.LineInfoRecordSize);
                }
                ObjectName.Write(name, attr.ProgName);

                long result = BpfSyscall.TryInvoke(BpfCommand.ProgLoad, ref attr, out errno);
                logTrueSize = attr.LogTrueSize;
                return result < 0 ? null : new BpfFd((int)result);
            }
        }
        finally
        {
            if (btfAdded)
                options.ProgramBtf!.DangerousRelease();
            if (targetAdded)
                options.AttachTarget!.DangerousRelease();
        }
    }

    private static string Decode(ReadOnlySpan<byte> buffer)
    {
        int end = buffer.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? buffer : buffer[..end]);
    }
}
