using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=0 size=1
public static unsafe partial class UnboundedOffsetChecked
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* p = ctx.Data + ctx.RxQueueIndex;
        if (p + 1 > ctx.DataEnd) return XdpAction.Drop;
        return /*!BPF0201*/*p == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
