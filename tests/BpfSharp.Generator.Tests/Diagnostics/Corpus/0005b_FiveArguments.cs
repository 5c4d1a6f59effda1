using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class FiveArguments
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        /*!BPF0005*/Bpf.Printk("%d %d %d %d %d\n", 1, 2, 3, 4, 5);
        return 0;
    }
}
