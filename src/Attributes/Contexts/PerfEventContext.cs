namespace BpfSharp;

/// <summary>
/// The context of a perf_event program, <c>struct bpf_perf_event_data</c>: the registers at the sample, then the
/// sample period and the address (for events that record one).
/// </summary>
public readonly unsafe struct PerfEventContext
{
    private readonly byte* _data;

    /// <summary>A context over caller-owned memory laid out as <c>bpf_perf_event_data</c> for the running architecture.</summary>
    public PerfEventContext(void* data) => _data = (byte*)data;

    /// <summary>The interrupted task's registers.</summary>
    [ContextMember(0)]
    public PtRegs Regs => new(_data);

    /// <summary>The event's sample period.</summary>
    [ContextMember(PtRegs.X64Size, Arm64Offset = PtRegs.Arm64Size)]
    public ulong SamplePeriod => *(ulong*)(_data + RegsSize);

    /// <summary>The sampled address, for events that record one.</summary>
    [ContextMember(PtRegs.X64Size + 8, Arm64Offset = PtRegs.Arm64Size + 8)]
    public ulong Addr => *(ulong*)(_data + RegsSize + 8);

    private static int RegsSize =>
        System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64
            ? PtRegs.Arm64Size : PtRegs.X64Size;
}
