using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class TryCatch
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        /*!BPF0001*/try
        {
            return 1;
        }
        catch
        {
            return 0;
        }
    }
}
