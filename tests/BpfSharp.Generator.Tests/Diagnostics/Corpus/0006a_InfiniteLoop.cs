using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class InfiniteLoop
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        /*!BPF0006*/while (true)
        {
            Bpf.Printk("spin\n");
        }
    }
}
