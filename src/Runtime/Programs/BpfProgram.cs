using System;
using BpfSharp.Runtime.Interop;

namespace BpfSharp.Runtime;

/// <summary>A program loaded into the kernel. Disposing it closes the fd; the kernel frees it once nothing else holds it.</summary>
public sealed partial class BpfProgram : IDisposable
{
    private BpfProgram(BpfFd fd, ProgramType type, string name, string? verifierLog)
    {
        Fd = fd;
        Type = type;
        Name = name;
        VerifierLog = verifierLog;
    }

    public BpfFd Fd { get; }

    public ProgramType Type { get; }

    /// <summary>The name as passed to the kernel (sanitized and truncated to 15 bytes).</summary>
    public string Name { get; }

    /// <summary>The verifier log, when <see cref="ProgramLoadOptions.LogLevel"/> asked for one.</summary>
    public string? VerifierLog { get; }

    /// <summary>Queried from the kernel on each access, so run statistics are current.</summary>
    public ProgramInfo Info => ReadInfo();

    /// <summary>
    /// Loads raw instructions (8-byte slots, little-endian) with BPF_PROG_LOAD.
    /// </summary>
    /// <exception cref="BpfVerifierException">The verifier rejected the program; its log says why.</exception>
    /// <exception cref="BpfPermissionException">The process lacks the privileges to load programs.</exception>
    public static BpfProgram Load(ProgramType type, ReadOnlySpan<byte> instructions, string license = "GPL",
        string name = "", ProgramLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(license);
        ArgumentNullException.ThrowIfNull(name);
        options ??= new ProgramLoadOptions();
        string kernelName = ObjectName.Sanitize(name);
        var fd = ProgramLoader.Load(type, instructions, license, kernelName, options, out var log);
        return new BpfProgram(fd, type, kernelName, log);
    }

    public void Dispose() => Fd.Dispose();

    public override string ToString() => $"{Type} program '{Name}' {Fd}";

    private unsafe ProgramInfo ReadInfo()
    {
        var info = ObjectInfo.Get<BpfProgInfo>(Fd);
        return new ProgramInfo
        {
            Type = (ProgramType)info.Type,
            Id = info.Id,
            Name = ObjectName.Read(info.Name),
            Tag = Convert.ToHexStringLower(new ReadOnlySpan<byte>(info.Tag, BpfAttrConstants.TagSize)),
            XlatedLength = info.XlatedProgLen,
            JitedLength = info.JitedProgLen,
            VerifiedInstructions = info.VerifiedInsns,
            GplCompatible = (info.Bits & 1) != 0,
            LoadTime = info.LoadTime,
            CreatedByUid = info.CreatedByUid,
            MapCount = info.NrMapIds,
            BtfId = info.BtfId,
            RunTimeNs = info.RunTimeNs,
            RunCount = info.RunCnt,
            RecursionMisses = info.RecursionMisses,
        };
    }
}
