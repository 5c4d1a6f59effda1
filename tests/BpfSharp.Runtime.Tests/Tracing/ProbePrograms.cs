namespace BpfSharp.Runtime.Tests.Tracing;

/// <summary>
/// Probes on <c>add</c> of the small C program the uprobe test builds. The path in the attributes is a placeholder:
/// the binary is built at test time, so the tests attach with an explicit path.
/// </summary>
public static partial class UprobePrograms
{
    [BpfProgram, Uprobe("/tmp/bpfsharp-uprobe-target", "add")]
    public static int OnAdd(PtRegs regs)
    {
        Bpf.Printk("bpfsharp-uprobe %d %d", (int)regs.Arg0, (int)regs.Arg(1));
        return 0;
    }

    [BpfProgram, Uretprobe("/tmp/bpfsharp-uprobe-target", "add")]
    public static int OnAddReturn(PtRegs regs)
    {
        Bpf.Printk("bpfsharp-uretprobe %d", (int)regs.ReturnValue);
        return 0;
    }
}

public static partial class KprobePrograms
{
    [BpfProgram, Kprobe("do_sys_openat2")]
    public static int OnOpenat2(PtRegs regs)
    {
        Bpf.Printk("bpfsharp-kprobe %d", (long)regs.Arg0);
        return 0;
    }

    [BpfProgram, Kretprobe("do_sys_openat2")]
    public static int OnOpenat2Return(PtRegs regs) => (int)regs.ReturnValue;
}

public static partial class PerfEventPrograms
{
    [BpfProgram, PerfEvent]
    public static int OnSample(PerfEventContext ctx)
    {
        if (ctx.SamplePeriod == 0)
            return 0;
        Bpf.Printk("bpfsharp-perf cpu %d ip %llx", Bpf.GetSmpProcessorId(), (long)ctx.Regs.InstructionPointer);
        return 0;
    }
}

public static partial class FentryPrograms
{
    [BpfProgram, Fentry("do_sys_openat2")]
    public static int OnEntry(TracingContext ctx) => (int)ctx.Arg(0);

    [BpfProgram, Fexit("do_sys_openat2")]
    public static int OnExit(TracingContext ctx) => (int)ctx.Arg(4);
}
