using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class StringLocal
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        string s = /*!BPF0001*/"hello";
        return 0;
    }
}
