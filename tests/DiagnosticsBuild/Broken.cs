using BpfSharp;

namespace DiagnosticsBuild;

[BpfLicense("MIT")]
public static partial class Broken
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Hello(RawTracepointContext ctx)
    {
        Bpf.Printk("hello\n");
        double ratio = 0.5;
        return 0;
    }
}
