using BpfSharp;
using BpfSharp.Testing;

[BpfLicense("MIT")]
public static unsafe partial class PrintkUnderMit
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        /*!BPF0203*/Bpf.Printk("hi\n");
        return 0;
    }
}
