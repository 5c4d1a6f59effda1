using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=8 size=1
public static unsafe partial class RuntimeLoopBoundBeyondCheck
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        int n = (int)(ctx.RxQueueIndex & 15);
        if (data + 8 > ctx.DataEnd) return XdpAction.Drop;
        for (int i = 0; i < n; i++)
        {
            if (/*!BPF0201*/data[i] == 0) return XdpAction.Drop;
        }
        return XdpAction.Pass;
    }
}
