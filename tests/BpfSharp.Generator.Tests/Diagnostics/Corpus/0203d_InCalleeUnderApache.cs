using BpfSharp;
using BpfSharp.Testing;

[BpfLicense("Apache-2.0")]
public static unsafe partial class InCalleeUnderApache
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        Log();
        return 0;
    }

    private static void Log() => /*!BPF0203*/Bpf.Printk("x\n");
}
