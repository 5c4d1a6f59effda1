using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=0 size=1
public static unsafe partial class ReassignedAfterCheck
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* q = ctx.Data;
        if (q + 14 > ctx.DataEnd) return XdpAction.Drop;
        q = ctx.Data;
        return /*!BPF0201*/q[0] == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
