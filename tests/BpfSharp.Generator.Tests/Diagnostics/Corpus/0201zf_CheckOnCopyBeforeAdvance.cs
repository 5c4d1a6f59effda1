using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=2 size=1
public static unsafe partial class CheckOnCopyBeforeAdvance
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* p = ctx.Data;
        uint sum = 0;
        for (int i = 0; i < 4; i++)
        {
            byte* q = p;
            if (q + 2 > ctx.DataEnd) return XdpAction.Drop;
            p += 2;
            sum += /*!BPF0201*/p[0];
        }
        return sum == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
