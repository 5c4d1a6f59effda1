using BpfSharp;
using BpfSharp.Testing;

public static unsafe partial class GenericAndInterface
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int Run(RawTracepointContext ctx)
    {
        return /*!BPF0001*/Compare(5);
    }

    private static int /*!BPF0001*/Compare<T>(T a) where T : System.IComparable<T> => /*!BPF0001*/a.CompareTo(a);
}
