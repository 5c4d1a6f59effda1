using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class FirstLoopIteration
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        ulong* v = TestMap.Lookup(1);
        for (int i = 0; i < 4; i++)
        {
            /*!BPF0200*/*v += 1;
            v = TestMap.Lookup((uint)i);
            if (v == null) return 0;
        }
        return 0;
    }
}
