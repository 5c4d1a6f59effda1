using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=1 size=1
public static unsafe partial class CounterPlusOneAfterCheck
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        uint sum = 0;
        for (int i = 0; i < 8; i++)
        {
            if (data + i + 1 > ctx.DataEnd) break;
            int next = i + 1;
            sum += /*!BPF0201*/data[next];
        }
        return sum == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
