using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class Lambda
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        System.Func<int> f = /*!BPF0001*/() => 1;
        return /*!BPF0001*/f();
    }
}
