using BpfSharp;
using BpfSharp.Testing;

// verifier: invalid access to packet, off=42 size=1
public static unsafe partial class LoopCheckOneShort
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* payload = ctx.Data + 42;
        byte* end = ctx.DataEnd;
        uint sum = 0;
        for (int i = 0; i < 32; i++)
        {
            if (payload + i > end) break;
            sum += /*!BPF0201*/payload[i];
        }
        return sum > 1000 ? XdpAction.Drop : XdpAction.Pass;
    }
}
