using System;
using System.Collections.Generic;

namespace BpfSharp;

/// <summary>
/// The kernel's helper functions, as the programs see them. In a compiled program each call becomes a
/// BPF helper call; run as plain .NET (unit tests, the differential oracle) each one has a faithful
/// in-memory implementation whose inputs <see cref="BpfClr"/> lets a test set.
/// </summary>
public static unsafe partial class Bpf
{
    /// <summary>bpf_trace_printk: writes a line to the kernel's trace buffer. GPL-only.</summary>
    [BpfHelper(HelperId.TracePrintk)]
    public static long Printk(string format) => BpfClr.Printk(format, Array.Empty<ulong>());

    /// <inheritdoc cref="Printk(string)"/>
    [BpfHelper(HelperId.TracePrintk)]
    public static long Printk(string format, long arg1) => BpfClr.Printk(format, new[] { (ulong)arg1 });

    /// <inheritdoc cref="Printk(string)"/>
    [BpfHelper(HelperId.TracePrintk)]
    public static long Printk(string format, long arg1, long arg2) => BpfClr.Printk(format, new[] { (ulong)arg1, (ulong)arg2 });

    /// <inheritdoc cref="Printk(string)"/>
    [BpfHelper(HelperId.TracePrintk)]
    public static long Printk(string format, long arg1, long arg2, long arg3) =>
        BpfClr.Printk(format, new[] { (ulong)arg1, (ulong)arg2, (ulong)arg3 });
}

/// <summary>The kernel's clock, identity and randomness helpers.</summary>
public static partial class Bpf
{
    /// <summary>bpf_ktime_get_ns: nanoseconds since boot (CLOCK_MONOTONIC), not counting suspend.</summary>
    [BpfHelper(HelperId.KtimeGetNs)]
    public static ulong KtimeGetNs() => BpfClr.KtimeNs;

    /// <summary>bpf_get_current_pid_tgid: the current thread's tgid (process id) in the upper 32 bits, its pid (thread id) in the lower.</summary>
    [BpfHelper(HelperId.GetCurrentPidTgid)]
    public static ulong GetCurrentPidTgid() => ((ulong)BpfClr.Tgid << 32) | BpfClr.Pid;

    /// <summary>bpf_get_prandom_u32: a pseudo-random number (not for cryptography).</summary>
    [BpfHelper(HelperId.GetPrandomU32)]
    public static uint GetPrandomU32() => BpfClr.NextRandom();

    /// <summary>bpf_get_smp_processor_id: the CPU the program runs on.</summary>
    [BpfHelper(HelperId.GetSmpProcessorId)]
    public static uint GetSmpProcessorId() => BpfClr.ProcessorId;
}

/// <summary>Marks a method of the language surface as a kernel helper with the given id.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class BpfHelperAttribute : Attribute
{
    public BpfHelperAttribute(HelperId id) => Id = id;

    public HelperId Id { get; }
}

/// <summary>Helper function ids from the kernel's uapi <c>enum bpf_func_id</c>.</summary>
public enum HelperId
{
    MapLookupElem = 1,
    MapUpdateElem = 2,
    MapDeleteElem = 3,
    ProbeRead = 4,
    KtimeGetNs = 5,
    TracePrintk = 6,
    GetPrandomU32 = 7,
    GetSmpProcessorId = 8,
    TailCall = 12,
    GetCurrentPidTgid = 14,
    GetCurrentUidGid = 15,
    GetCurrentComm = 16,
    PerfEventOutput = 25,
    GetStackId = 27,
    MapPushElem = 87,
    MapPopElem = 88,
    MapPeekElem = 89,
    RingbufOutput = 130,
    RingbufReserve = 131,
    RingbufSubmit = 132,
    RingbufDiscard = 133,
    RingbufQuery = 134,
    ProbeReadUser = 112,
    ProbeReadKernel = 113,
    ProbeReadUserStr = 114,
    ProbeReadKernelStr = 115,
    SkbStoreBytes = 9,
    L3CsumReplace = 10,
    L4CsumReplace = 11,
    Redirect = 23,
    SkbLoadBytes = 26,
    XdpAdjustHead = 44,
    XdpAdjustTail = 65,
    XdpLoadBytes = 189,
    XdpStoreBytes = 190,
}
