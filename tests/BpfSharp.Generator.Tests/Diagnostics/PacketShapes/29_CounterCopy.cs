using BpfSharp;
using BpfSharp.Testing;

// verifier: accepts; the check through a copy of the counter is the same value on every path.
public static unsafe partial class CounterCopy
{
    [BpfProgram, Xdp]
    public static XdpAction Run(XdpContext ctx)
    {
        byte* data = ctx.Data;
        uint sum = 0;
        for (int i = 0; i < 8; i++)
        {
            int at = i;
            if (data + at + 1 > ctx.DataEnd) break;
            sum += data[i];
        }
        return sum == 0 ? XdpAction.Drop : XdpAction.Pass;
    }
}
