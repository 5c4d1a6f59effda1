using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class Checked
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        int x = (int)ctx.Arg(0);
        return checked(/*!BPF0009*/x + 1);
    }
}
