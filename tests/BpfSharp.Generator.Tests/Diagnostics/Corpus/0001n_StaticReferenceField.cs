using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class StaticReferenceField
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        return /*!BPF0001*/s_table.Length;
    }

    private static int[] s_table = new int[4];
}
