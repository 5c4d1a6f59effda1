using BpfSharp;
using BpfSharp.Testing;

public struct Window
{
    public ulong W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11, W12, W13, W14, W15, W16, W17, W18, W19, W20, W21, W22, W23, W24, W25, W26, W27, W28, W29, W30, W31, W32, W33, W34, W35, W36, W37, W38, W39;
}

public static unsafe partial class LargeStructLocals
{
    [BpfProgram, RawTracepoint("sys_enter")]
    public static int /*!BPF0007*/Run(RawTracepointContext ctx)
    {
        Window current = default;
        Window previous = default;
        Window* at = &current;
        Bpf.ProbeReadKernel(at, (uint)sizeof(Window), (void*)ctx.Arg(1));
        previous.W0 = current.W31;
        return (int)(previous.W0 + current.W0);
    }
}
