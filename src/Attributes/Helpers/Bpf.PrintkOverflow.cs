using System.ComponentModel;

namespace BpfSharp;

public static partial class Bpf
{
    /// <summary>
    /// Exists so that a call with more than three arguments binds, and the generator can say why it cannot be
    /// compiled (BPF0005: bpf_trace_printk takes at most three) instead of the C# compiler's bare "no overload".
    /// </summary>
    [BpfHelper(HelperId.TracePrintk)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static long Printk(string format, params long[] args)
    {
        var raw = new ulong[args.Length];
        for (int i = 0; i < args.Length; i++)
            raw[i] = (ulong)args[i];
        return BpfClr.Printk(format, raw);
    }
}
