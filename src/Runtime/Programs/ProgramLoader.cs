using System;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>BPF_PROG_LOAD; the verifier log protocol is in <see cref="LoggedLoad"/>.</summary>
internal static unsafe class ProgramLoader
{
    public static BpfFd Load(ProgramType type, ReadOnlySpan<byte> instructions, string license, string name,
        ProgramLoadOptions options, out string? log)
    {
        if (instructions.Length == 0 || instructions.Length % 8 != 0)
            throw new ArgumentException($"eBPF code must be a non-empty multiple of 8 bytes, got {instructions.Length}.", nameof(instructions));

        // The attempt delegate cannot capture a span; the copy is made once per load, not per attempt.
        var code = instructions.ToArray();
        try
        {
            return LoggedLoad.Run(BpfCommand.ProgLoad, name, options.LogLevel, options.InitialLogSize,
                (uint level, Span<byte> buffer, out int errno, out uint trueSize) =>
                    TryLoad(type, code, license, name, options, level, buffer, out errno, out trueSize),
                out log, options.Source);
        }
        catch (BpfException e) when (e.GetType() == typeof(BpfException) && e.Errno == Errno.E2BIG && code.Length / 8 > UnprivilegedLimit)
        {
            // The length check comes before the verifier, so the kernel says nothing more than the errno.
            throw new BpfException(e.Command, e.Errno,
                $"loading '{name}': {(code.Length / 8).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} instructions is more than the kernel accepts (1,000,000 with CAP_BPF, 4,096 without; BPF0011, BPF0012).");
        }
    }

    /// <summary>BPF_MAXINSNS; BPF_COMPLEXITY_LIMIT_INSNS (1,000,000) applies with CAP_BPF.</summary>
    private const int UnprivilegedLimit = 4096;

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
}
