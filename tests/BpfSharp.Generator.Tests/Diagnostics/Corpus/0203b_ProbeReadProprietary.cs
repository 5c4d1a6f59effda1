using BpfSharp;
using BpfSharp.Testing;

[BpfLicense("Proprietary")]
public static unsafe partial class ProbeReadProprietary
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        /*!BPF0203*/TestHelpers.ProbeRead(0, 8, ctx.Arg(0));
        return 0;
    }
}
