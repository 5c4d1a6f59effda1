using System.Runtime.InteropServices;

namespace BpfSharp.Runtime.Interop;

/// <summary>
/// struct perf_event_attr from include/uapi/linux/perf_event.h, as far as attaching BPF programs needs it.
/// <see cref="Size"/> must be set to the struct size so the kernel knows which revision it is reading.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct PerfEventAttr
{
    public const int StructSize = 128;

    public const uint TypeHardware = 0;
    public const uint TypeSoftware = 1;
    public const uint TypeTracepoint = 2;

    /// <summary>Bit 0 of <see cref="Flags"/>: start disabled.</summary>
    public const ulong FlagDisabled = 1;

    [FieldOffset(0)] public uint Type;
    [FieldOffset(4)] public uint Size;
    [FieldOffset(8)] public ulong Config;
    [FieldOffset(16)] public ulong SamplePeriod;
    [FieldOffset(24)] public ulong SampleType;
    [FieldOffset(32)] public ulong ReadFormat;
    /// <summary>The bitfield word: disabled, inherit, pinned, exclusive, ...</summary>
    [FieldOffset(40)] public ulong Flags;
    [FieldOffset(48)] public uint WakeupEvents;
    [FieldOffset(52)] public uint BpType;
    [FieldOffset(56)] public ulong Config1;
    [FieldOffset(64)] public ulong Config2;
}

/// <summary>ioctl requests on perf event fds (_IO('$', n) and _IOW('$', 8, __u32)).</summary>
internal static class PerfEventIoctl
{
    public const nuint Enable = 0x2400;
    public const nuint Disable = 0x2401;
    public const nuint SetBpf = 0x40042408;
}
