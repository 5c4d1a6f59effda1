using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=20 size=1
public static unsafe partial class EitherOffsetCheckTooShort
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        byte* p = ctx.RxQueueIndex == 0 ? data + 14 : data + 20;
        if (data + 16 > ctx.DataEnd) return XdpAction.Drop;
        return /*!BPF0201*/*p == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
