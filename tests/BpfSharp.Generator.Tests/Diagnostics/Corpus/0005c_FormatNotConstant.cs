using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class FormatNotConstant
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        /*!BPF0005*/Bpf.Printk(/*!BPF0001*/Format, 1);
        return 0;
    }

    private static readonly string Format = "%d\n";
}
