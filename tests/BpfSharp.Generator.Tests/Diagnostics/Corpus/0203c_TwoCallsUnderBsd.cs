using BpfSharp;
using BpfSharp.Testing;

[BpfLicense("BSD")]
public static unsafe partial class TwoCallsUnderBsd
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        /*!BPF0203*/Bpf.Printk("a\n");
        /*!BPF0203*/Bpf.Printk("b %d\n", 1);
        return 0;
    }
}
