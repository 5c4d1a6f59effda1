using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class ElementAccess
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        ulong* v = TestMap.Lookup(1);
        return (int)/*!BPF0200*/v[0];
    }
}
