using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class FloatLiteral
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        double d = /*!BPF0001*/1.5;
        return 0;
    }
}
