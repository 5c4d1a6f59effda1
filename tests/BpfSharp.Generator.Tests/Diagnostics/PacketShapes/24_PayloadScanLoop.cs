using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; the check payload + i + 1 guards payload[i] for the same i.
public static unsafe partial class PayloadScanLoop
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* payload = ctx.Data + 42;
        byte* end = ctx.DataEnd;
        uint sum = 0;
        for (int i = 0; i < 32; i++)
        {
            if (payload + i + 1 > end) break;
            sum += payload[i];
        }
        return sum > 1000 ? XdpAction.Drop : XdpAction.Pass;
    }
}
